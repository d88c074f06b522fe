/**
 * @wf/engine — workflow definitions (JSON) compiled to XState 5 machines, with a runtime that
 * enforces roles, separation of duties and forms, a hash-chained audit log and a storage port.
 */
export * from "./errors";
export { MemoryStore, taskMatches } from "./store/MemoryStore";
export type * from "./store/Store";
