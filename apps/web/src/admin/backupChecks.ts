import { type AuditEvent, canonicalJson, sha256Hex, validateDefinition, verifyChain } from "@wf/engine";
import { tryCompileForm } from "@wf/forms";
import type { BackupData, BackupIssue } from "@wf/storage-dexie";
import { checkBackupFiles } from "../files/fileBackup.ts";
import { joinPath } from "./documentChecks.ts";

// A broken file can fail on every row; the first hundred issues say enough to fix it.
const maxIssues = 100;

/**
 * The app's checks of a backup, run by `importAll` after its structural checks and before it
 * writes anything: every definition validates and matches its stored hash, every form compiles,
 * every case names a definition version in the backup, and every case's audit chain verifies up
 * to the event the case points at. Any issue refuses the whole restore.
 */
export function backupValidator(roles: readonly string[]) {
  return async (data: BackupData): Promise<BackupIssue[]> => {
    const issues: BackupIssue[] = [];
    const add = (path: string, message: string) => {
      if (issues.length < maxIssues) issues.push({ path, message });
    };
    const { tables } = data;
    const formIds = new Set(tables.forms.map((f) => f.id));
    const definitionIds = new Set(tables.definitions.map((d) => d.id));

    for (const [i, stored] of tables.definitions.entries()) {
      const at = `$.tables.definitions[${i}]`;
      const result = validateDefinition(stored.definition, {
        forms: formIds,
        definitions: definitionIds,
        roles,
      });
      if (!result.ok) {
        for (const issue of result.issues) add(joinPath(`${at}.definition`, issue.path), issue.message);
        continue;
      }
      const d = result.definition;
      if (d.id !== stored.id || d.version !== stored.version)
        add(`${at}.definition`, `holds ${d.id}@${d.version} but is stored as ${stored.id}@${stored.version}`);
      if ((await sha256Hex(canonicalJson(stored.definition))) !== stored.hash)
        add(`${at}.hash`, "does not match the definition: it was changed after it was published");
    }
    for (const [i, form] of tables.forms.entries()) {
      const result = tryCompileForm(form);
      for (const issue of result.issues) add(joinPath(`$.tables.forms[${i}]`, issue.path), issue.message);
    }

    const versions = new Set(tables.definitions.map((d) => `${d.id}@${d.version}`));
    const events = new Map<string, { event: AuditEvent; index: number }[]>();
    for (const [index, event] of tables.events.entries()) {
      const list = events.get(event.instanceId) ?? [];
      list.push({ event, index });
      events.set(event.instanceId, list);
    }
    for (const [i, c] of tables.instances.entries()) {
      const at = `$.tables.instances[${i}]`;
      if (!versions.has(`${c.definitionId}@${c.definitionVersion}`))
        add(
          `${at}.definitionVersion`,
          `definition ${c.definitionId}@${c.definitionVersion} is not in the backup`,
        );
      const log = (events.get(c.id) ?? []).sort((a, b) => a.event.seq - b.event.seq);
      const verdict = await verifyChain(
        log.map((e) => e.event),
        sha256Hex,
        { lastSeq: c.lastSeq, lastHash: c.lastHash },
      );
      if (!verdict.ok) {
        const broken = log.find((e) => e.event.seq === verdict.brokenAt);
        add(broken ? `$.tables.events[${broken.index}]` : `${at}.lastSeq`, `case ${c.id}: ${verdict.reason}`);
      }
      if (issues.length >= maxIssues) break;
    }
    await checkBackupFiles(data, add);
    return issues;
  };
}
