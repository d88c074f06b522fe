/**
 * @wf/engine — workflow definitions (JSON) compiled to XState 5 machines, with a runtime that
 * enforces roles, separation of duties and forms, a hash-chained audit log and a storage port.
 */

export type { HashFn, VerifyResult } from "./audit/auditChain";
export { verifyChain } from "./audit/auditChain";
export { canonicalJson, sha256Hex } from "./audit/sha256";
export { sha256HexBest, sha256HexFast, sha256HexSync } from "./audit/sha256Sync";
export type { CompiledDefinition, CompileOptions } from "./compile/compileDefinition";
export { compileDefinition } from "./compile/compileDefinition";
export type { ValidationContext } from "./definition/checkReferences";
export { definitionJsonSchema, definitionJsonSchemaText } from "./definition/definitionJsonSchema";
export { parseDefinitionJson } from "./definition/parseDefinitionJson";
export { DefinitionSchema } from "./definition/schema";
export { indexStepIds } from "./definition/stepIndex";
export type * from "./definition/types";
export type { ValidationResult } from "./definition/validateDefinition";
export { validateDefinition } from "./definition/validateDefinition";
export type { MermaidOptions } from "./diagram/toMermaid";
export { toMermaid } from "./diagram/toMermaid";
export { createOrgDirectory } from "./directory/createOrgDirectory";
export * from "./errors";
export { renderMessage, templateParts } from "./expr/messageTemplate";
export { orgFunctions } from "./expr/orgFunctions";
export type * from "./ports";
export type { WfContext, WfEvent } from "./runtime/context";
export { createEngine } from "./runtime/createEngine";
export { Engine, instanceOfTask } from "./runtime/Engine";
export type * from "./runtime/engineTypes";
export type { TaskQueries } from "./runtime/TaskQueries";
export { checkStoreContract } from "./store/checkStoreContract";
export { MemoryStore, taskMatches } from "./store/MemoryStore";
export type * from "./store/Store";
