/**
 * The stored files (attachments and signatures) in a backup: each one as base64 with its name,
 * type, size and SHA-256, in a `files` section beside the tables. Backups made before this
 * section existed have no `files` and restore as before.
 */
export interface BackupFile {
  id: string;
  name: string;
  type: string;
  size: number;
  /** Lower-case hex SHA-256 of the bytes, checked before a restore writes anything. */
  sha256: string;
  /** The bytes, base64. */
  data: string;
  savedAt?: string;
}

/** A file ready to be written back to the file store. */
export interface RestoredFile {
  id: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
  savedAt: string;
}

async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  // A fresh copy: the digest wants a plain ArrayBuffer-backed view of exactly these bytes.
  const copy = Uint8Array.from(bytes);
  const digest = await crypto.subtle.digest("SHA-256", copy);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** The bytes of base64 text, or undefined when it is not base64. */
function base64ToBytes(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** Reads a Blob's bytes (FileReader where the Blob has no arrayBuffer, as in older jsdom). */
async function blobBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === "function") return new Uint8Array(await blob.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** A stored file as a backup entry. */
export async function toBackupFile(file: RestoredFile): Promise<BackupFile> {
  const bytes = await blobBytes(file.blob);
  return {
    id: file.id,
    name: file.name,
    type: file.type,
    size: file.size,
    sha256: await sha256OfBytes(bytes),
    data: bytesToBase64(bytes),
    savedAt: file.savedAt,
  };
}

/** A checked backup entry as a file to store (call only after `checkBackupFiles` passed). */
export function fromBackupFile(file: BackupFile, fallbackTime: string): RestoredFile {
  const bytes = base64ToBytes(file.data) ?? new Uint8Array();
  return {
    id: file.id,
    name: file.name,
    type: file.type,
    size: file.size,
    blob: new Blob([bytes as BlobPart], { type: file.type }),
    savedAt: file.savedAt ?? fallbackTime,
  };
}

type Row = Record<string, unknown>;
const isObject = (v: unknown): v is Row => typeof v === "object" && v !== null && !Array.isArray(v);

function isFileRef(v: unknown): v is { id: string; name: string; size: number } {
  return (
    isObject(v) &&
    typeof v.id === "string" &&
    typeof v.name === "string" &&
    typeof v.size === "number" &&
    "type" in v
  );
}

/** Every file reference in `value` at any depth, with its JSON path. */
function refsWithPaths(value: unknown, at: string, out: { path: string; id: string; size: number }[]) {
  if (isFileRef(value)) out.push({ path: at, id: value.id, size: value.size });
  else if (Array.isArray(value)) for (const [i, x] of value.entries()) refsWithPaths(x, `${at}[${i}]`, out);
  else if (isObject(value))
    for (const [k, x] of Object.entries(value))
      refsWithPaths(x, /^[A-Za-z_$][\w$]*$/.test(k) ? `${at}.${k}` : `${at}[${JSON.stringify(k)}]`, out);
}

/**
 * Checks the `files` section of a backup: each entry's fields, that its base64 decodes to `size`
 * bytes with the recorded SHA-256, unique ids, and that every file reference in the tables (form
 * values in cases, events, tasks and drafts) names a file in the section. A backup without
 * `files` (made before files were backed up) passes, its references unchecked.
 */
export async function checkBackupFiles(data: unknown, add: (path: string, message: string) => void) {
  if (!isObject(data) || !("files" in data)) return;
  const files = data.files;
  if (!Array.isArray(files)) return add("$.files", "expected an array");
  const byId = new Map<string, number>();
  for (const [i, f] of files.entries()) {
    const at = `$.files[${i}]`;
    if (!isObject(f)) {
      add(at, "expected an object");
      continue;
    }
    let sound = true;
    const need = (ok: boolean, field: string, message: string) => {
      if (!ok) {
        sound = false;
        add(`${at}.${field}`, message);
      }
    };
    need(typeof f.id === "string" && f.id !== "", "id", "expected a non-empty string");
    need(typeof f.name === "string", "name", "expected a string");
    need(typeof f.type === "string", "type", "expected a string");
    need(Number.isInteger(f.size) && (f.size as number) >= 0, "size", "expected an integer >= 0");
    need(typeof f.sha256 === "string" && /^[0-9a-f]{64}$/.test(f.sha256), "sha256", "expected a hex SHA-256");
    if (f.savedAt !== undefined) need(typeof f.savedAt === "string", "savedAt", "expected a string");
    const bytes = typeof f.data === "string" ? base64ToBytes(f.data) : undefined;
    need(bytes !== undefined, "data", "expected base64 text");
    if (typeof f.id === "string") {
      if (byId.has(f.id)) add(`${at}.id`, `duplicate file ${f.id}`);
      else byId.set(f.id, f.size as number);
    }
    if (!sound || !bytes) continue;
    if (bytes.length !== f.size) add(`${at}.size`, `says ${f.size} bytes but the data holds ${bytes.length}`);
    else if ((await sha256OfBytes(bytes)) !== f.sha256)
      add(`${at}.sha256`, "does not match the data: the file was changed after the backup was made");
  }
  const tables = data.tables;
  if (!isObject(tables)) return;
  const refs: { path: string; id: string; size: number }[] = [];
  for (const name of ["instances", "tasks", "events", "drafts"])
    refsWithPaths(tables[name], `$.tables.${name}`, refs);
  for (const ref of refs) {
    const size = byId.get(ref.id);
    if (size === undefined) add(ref.path, `refers to file ${ref.id}, which is not in the backup`);
    else if (size !== ref.size)
      add(ref.path, `refers to file ${ref.id} of ${ref.size} bytes; the backup holds ${size}`);
  }
}
