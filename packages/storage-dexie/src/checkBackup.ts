import type { AuditEvent, InstanceRecord, StoredDefinition, TaskRecord } from "@wf/engine";
import type { BackupIssue } from "./errors";
import type { DraftRow, FormDocument, MetaRow } from "./rows";
import { currentSchemaVersion } from "./schemaVersions";

/** The marker that tells a backup of this app from any other JSON file. */
export const backupFormat = "wf-backup";

/**
 * A full backup: every table as the engine and app wrote it (index columns are left out and
 * re-derived on import, so a backup survives index changes). Plain JSON, safe to `JSON.stringify`.
 */
export interface BackupData {
  format: typeof backupFormat;
  /** The schema version of the database that was exported. */
  schemaVersion: number;
  exportedAt: string;
  tables: {
    definitions: StoredDefinition[];
    forms: FormDocument[];
    instances: InstanceRecord[];
    tasks: TaskRecord[];
    events: AuditEvent[];
    drafts: DraftRow[];
    meta: MetaRow[];
  };
}

const tableNames = ["definitions", "forms", "instances", "tasks", "events", "drafts", "meta"] as const;
// A corrupt file can hold a million broken rows; the first hundred say enough.
const maxIssues = 100;

type Row = Record<string, unknown>;
const isObject = (v: unknown): v is Row => typeof v === "object" && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isInteger(v);
// The status values of @wf/engine's InstanceStatus and TaskStatus (types only, so listed here).
const instanceStatuses = ["running", "completed", "cancelled"] as const;
const taskStatuses = ["open", "completed", "withdrawn"] as const;

/**
 * Structural checks of a backup before anything is written: the envelope, each row's key and
 * index fields, duplicate keys, and references (tasks and events point at a case in the backup).
 * Returns every issue found (up to 100); an empty list means the data can be imported.
 */
export function checkBackup(data: unknown): BackupIssue[] {
  const issues: BackupIssue[] = [];
  const issue = (path: string, message: string) => {
    if (issues.length < maxIssues) issues.push({ path, message });
  };
  if (!isObject(data)) return [{ path: "$", message: "not a JSON object" }];
  if (data.format !== backupFormat)
    issue("$.format", `expected "${backupFormat}" — is this a backup of this app?`);
  if (!isInt(data.schemaVersion) || data.schemaVersion < 1)
    issue("$.schemaVersion", "expected a positive integer");
  else if (data.schemaVersion > currentSchemaVersion)
    issue(
      "$.schemaVersion",
      `made by a newer app (schema ${data.schemaVersion} > ${currentSchemaVersion}); update the app first`,
    );
  const tables = data.tables;
  if (!isObject(tables)) {
    issue("$.tables", "missing");
    return issues;
  }
  for (const name of tableNames)
    if (!Array.isArray(tables[name])) issue(`$.tables.${name}`, "expected an array");
  if (issues.length > 0) return issues;

  const rows = (name: (typeof tableNames)[number]) => tables[name] as unknown[];
  const keys = new Map<string, Set<string>>();
  // Visits each row of a table; `visit` checks its fields and returns its key (undefined when the
  // key fields themselves are broken), which must be unique in the table.
  const each = (name: (typeof tableNames)[number], visit: (row: Row, at: string) => string | undefined) => {
    const seen = new Set<string>();
    keys.set(name, seen);
    for (const [i, row] of rows(name).entries()) {
      const at = `$.tables.${name}[${i}]`;
      if (!isObject(row)) {
        issue(at, "expected an object");
        continue;
      }
      const key = visit(row, at);
      if (key === undefined) continue;
      if (seen.has(key)) issue(at, `duplicate key ${key}`);
      seen.add(key);
    }
  };
  const str = (row: Row, at: string, field: string, optional = false) => {
    const v = row[field];
    if (optional && v === undefined) return true;
    if (typeof v === "string" && v !== "") return true;
    issue(
      `${at}.${field}`,
      optional ? "expected a non-empty string when present" : "expected a non-empty string",
    );
    return false;
  };
  const int = (row: Row, at: string, field: string, min: number) => {
    if (isInt(row[field]) && (row[field] as number) >= min) return true;
    issue(`${at}.${field}`, `expected an integer >= ${min}`);
    return false;
  };
  const ok = (...results: boolean[]) => results.every(Boolean);

  const oneOf = (row: Row, at: string, field: string, allowed: readonly string[]) => {
    if (allowed.includes(row[field] as string)) return true;
    issue(`${at}.${field}`, `expected one of ${allowed.join(", ")}`);
    return false;
  };
  const obj = (row: Row, at: string, field: string) => {
    if (isObject(row[field])) return true;
    issue(`${at}.${field}`, "expected an object");
    return false;
  };

  // Each visitor checks the key fields first and returns the key whenever they are sound, so a
  // duplicate is reported even when other fields of the row are broken too.
  const versioned = (r: Row, at: string) =>
    ok(str(r, at, "id"), int(r, at, "version", 1)) ? `${r.id}@${r.version}` : undefined;
  each("definitions", (r, at) => {
    const key = versioned(r, at);
    str(r, at, "hash");
    obj(r, at, "definition");
    return key;
  });
  each("forms", versioned);
  each("instances", (r, at) => {
    const key = str(r, at, "id") ? String(r.id) : undefined;
    int(r, at, "version", 1);
    str(r, at, "definitionId");
    int(r, at, "definitionVersion", 1);
    oneOf(r, at, "status", instanceStatuses);
    for (const f of ["subject", "nextDue"]) str(r, at, f, true);
    return key;
  });
  const cases = keys.get("instances") ?? new Set<string>();
  // A task is for a role at a unit or for a named person; the inboxes are indexed by these.
  const assignee = (r: Row, at: string) => {
    const a = r.assignee;
    const valid =
      isObject(a) &&
      (typeof a.person === "string" || (typeof a.role === "string" && typeof a.unit === "string"));
    if (!valid) issue(`${at}.assignee`, "expected { role, unit } or { person }");
  };
  const inCase = (r: Row, at: string) => {
    if (str(r, at, "instanceId") && !cases.has(r.instanceId as string))
      issue(`${at}.instanceId`, `case ${r.instanceId} is not in the backup`);
  };
  each("tasks", (r, at) => {
    const key = str(r, at, "id") ? String(r.id) : undefined;
    inCase(r, at);
    oneOf(r, at, "status", taskStatuses);
    assignee(r, at);
    for (const f of ["claimedBy", "delegatedTo", "due"]) str(r, at, f, true);
    return key;
  });
  each("events", (r, at) => {
    const key = ok(typeof r.instanceId === "string", int(r, at, "seq", 1))
      ? `${r.instanceId}#${r.seq}`
      : undefined;
    inCase(r, at);
    str(r, at, "actionId");
    str(r, at, "at");
    str(r, at, "hash");
    return key;
  });
  each("drafts", (r, at) =>
    ok(str(r, at, "taskId"), str(r, at, "personId"), str(r, at, "savedAt"))
      ? `${r.taskId}/${r.personId}`
      : undefined,
  );
  each("meta", (r, at) => (str(r, at, "key") ? String(r.key) : undefined));
  return issues;
}
