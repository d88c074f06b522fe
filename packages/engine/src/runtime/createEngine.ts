import { Engine } from "./Engine";
import type { EngineOptions } from "./engineTypes";

/**
 * Create a workflow engine over a store, an org directory, a clock and an id source.
 *
 * @example
 * const engine = createEngine({ definitions: [def], store: new MemoryStore(), directory,
 *   clock: () => new Date().toISOString(), ids: () => crypto.randomUUID() });
 * const inst = await engine.start({ definitionId: def.id, actor, data: {}, actionId: "a1" });
 */
export function createEngine(options: EngineOptions): Engine {
  return new Engine(options);
}
