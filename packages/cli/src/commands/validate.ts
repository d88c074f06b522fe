import { checkFile, classify, collectIds, type FileIssue, type FileKind, type KnownIds } from "../fileKinds";
import type { CliIo } from "../io";
import { type JsonDocument, JsonSyntaxError, parseJsonDocument } from "../readJsonFile";

/** Splits `steps.review.outcomes[0].to` into `["steps", "review", "outcomes", 0, "to"]` for locating it in the text. */
function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}

function formatIssue(doc: JsonDocument, issue: FileIssue): string {
  const at = doc.locate(pathSegments(issue.path));
  const where = at ? `${doc.file}:${at.line}:${at.column}` : doc.file;
  const hint = issue.hint ? ` (${issue.hint})` : "";
  return `${where}: ${issue.path === "" ? "(root)" : issue.path}: ${issue.message}${hint}`;
}

const kindNames: Record<FileKind, string> = {
  definition: "workflow definition",
  form: "form",
  calendar: "holiday calendar",
  roles: "role catalog",
  units: "org unit catalog",
  people: "people catalog",
  scenario: "simulation script",
};

/**
 * `wf validate <files…>`: checks every file and prints every problem with file, line, column and
 * JSON path. Files are read first so definitions are checked against the forms, roles and units
 * given in the same call. Exit 0 when all are valid, 1 otherwise.
 */
export async function validateCommand(
  files: readonly string[],
  io: CliIo,
  alsoKnown: Partial<KnownIds> = {},
): Promise<number> {
  const docs: { doc: JsonDocument; kind: FileKind }[] = [];
  let failed = 0;
  // A folder stands for every JSON data file below it.
  const paths: string[] = [];
  for (const f of files) paths.push(...((await io.listJsonFiles?.(f)) ?? [f]));
  for (const file of paths) {
    let doc: JsonDocument;
    try {
      doc = parseJsonDocument(file, await io.readText(file));
    } catch (e) {
      failed++;
      if (e instanceof JsonSyntaxError)
        io.err(`${e.message}\n${file}: not valid JSON; nothing else was checked`);
      else io.err(`${file}: cannot read the file (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    const kind = classify(doc.value);
    if (!kind) {
      failed++;
      io.err(
        `${file}:1:1: (root): not a file wf knows — a workflow definition needs "steps", a form needs "fields", ` +
          `a calendar needs "holidays" and "workdays", a scenario needs "actions", and roles, units and people are lists`,
      );
      continue;
    }
    docs.push({ doc, kind });
  }
  const known: KnownIds = {
    forms: new Set(alsoKnown.forms),
    definitions: new Set(alsoKnown.definitions),
    roles: new Set(alsoKnown.roles),
    units: new Set(alsoKnown.units),
    unitTypes: new Set(alsoKnown.unitTypes),
  };
  for (const { doc, kind } of docs) collectIds(kind, doc.value, known);
  for (const { doc, kind } of docs) {
    const issues = checkFile(kind, doc.value, known);
    if (issues.length === 0) {
      io.out(`${doc.file}: valid ${kindNames[kind]}`);
      continue;
    }
    failed++;
    io.err(
      `${doc.file}: invalid ${kindNames[kind]}, ${issues.length} problem${issues.length === 1 ? "" : "s"}:`,
    );
    for (const issue of issues) io.err(`  ${formatIssue(doc, issue)}`);
  }
  io.out(`${paths.length - failed} of ${paths.length} file${paths.length === 1 ? "" : "s"} valid`);
  return failed === 0 ? 0 : 1;
}
