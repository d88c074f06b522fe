import type { HolidayCalendar } from "@wf/expr";
import type { HashFn } from "../audit/auditChain";
import { canonicalJson } from "../audit/sha256";
import { type CompiledDefinition, compileDefinition } from "../compile/compileDefinition";
import type { ValidationContext } from "../definition/checkReferences";
import type { Definition } from "../definition/types";
import { validateDefinition } from "../definition/validateDefinition";
import { DefinitionError, NotFoundError } from "../errors";
import type { OrgDirectory } from "../ports";
import type { Store, StoredDefinition } from "../store/Store";

/** A compiled definition version with its stored identity. */
export interface LoadedDefinition {
  compiled: CompiledDefinition;
  stored: StoredDefinition;
}

/**
 * Publishes definition versions into the store and compiles each (id, version) once.
 * Old versions stay in the store and in the cache, so running cases keep their own version.
 */
export class DefinitionRegistry {
  constructor(
    private readonly store: Store,
    private readonly directory: OrgDirectory,
    private readonly calendars: Map<string, HolidayCalendar>,
    private readonly hash: HashFn,
    private readonly validation: ValidationContext,
    private readonly clock: () => string,
    private readonly utcOffsetMinutes: number,
  ) {}

  /** Validate and publish a definition version; republishing identical content is a no-op. */
  async publish(input: unknown): Promise<StoredDefinition> {
    const result = validateDefinition(input, this.validation);
    if (!result.ok) throw new DefinitionError(result.issues);
    const def = result.definition;
    if (def.calendar !== undefined && !this.calendars.has(def.calendar)) {
      throw new DefinitionError([
        {
          path: "calendar",
          message: `calendar "${def.calendar}" was not given to createEngine({ calendars })`,
        },
      ]);
    }
    const stored: StoredDefinition = {
      id: def.id,
      version: def.version,
      hash: await this.hash(canonicalJson(def)),
      definition: def,
      publishedAt: this.clock(),
    };
    await this.store.saveDefinition(stored);
    return (await this.store.loadDefinition(def.id, def.version)) ?? stored;
  }

  /**
   * Make sure every definition a `subProcess` step of this one starts is published, so a case
   * is refused at its start rather than stuck later at a child that cannot begin.
   */
  async requireChildren(loaded: LoadedDefinition): Promise<void> {
    if (this.checkedChildren.has(loaded)) return;
    for (const e of loaded.compiled.index.byId.values()) {
      if (e.step.kind === "subProcess") await this.load(e.step.definition, e.step.version);
    }
    this.checkedChildren.add(loaded);
  }

  private readonly checkedChildren = new WeakSet<LoadedDefinition>();

  /** The compiled definition for (id, version) if it is compiled already; no wait, no key string. */
  loaded(id: string, version: number): LoadedDefinition | undefined {
    return this.byVersion.get(id)?.get(version);
  }

  private readonly byVersion = new Map<string, Map<number, LoadedDefinition>>();

  /** The compiled definition for (id, version), or the latest version when omitted. */
  async load(id: string, version?: number): Promise<LoadedDefinition> {
    if (version !== undefined) {
      const hit = this.loaded(id, version);
      if (hit) return hit;
    }
    const stored = await this.store.loadDefinition(id, version);
    if (!stored) {
      throw new NotFoundError(
        version === undefined
          ? `no published definition "${id}"`
          : `definition "${id}" has no version ${version}`,
      );
    }
    const hit = this.loaded(stored.id, stored.version);
    if (hit) return hit;
    const def = stored.definition as Definition;
    const calendar = def.calendar === undefined ? undefined : this.calendars.get(def.calendar);
    const compiled = compileDefinition(def, {
      directory: this.directory,
      utcOffsetMinutes: this.utcOffsetMinutes,
      ...(calendar ? { calendar } : {}),
    });
    const loaded = { compiled, stored };
    let versions = this.byVersion.get(stored.id);
    if (!versions) {
      versions = new Map();
      this.byVersion.set(stored.id, versions);
    }
    versions.set(stored.version, loaded);
    return loaded;
  }
}
