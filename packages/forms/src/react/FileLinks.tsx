import type { FileRef } from "../schema/formJson";
import type { FileStorage } from "./FormHost";

export function isFileRef(v: unknown): v is FileRef {
  return v !== null && typeof v === "object" && typeof (v as FileRef).id === "string";
}

/**
 * One stored file, opened through the host's storage: a link when it gives a URL (`url(ref)`), a
 * button when it opens files itself (`open(ref)`), else the plain name.
 */
export function FileLink({ file, storage }: { file: FileRef; storage: FileStorage | undefined }) {
  const name = typeof file.name === "string" && file.name !== "" ? file.name : file.id;
  const url = storage?.url?.(file);
  if (url)
    return (
      <a href={url} target="_blank" rel="noreferrer">
        {name}
      </a>
    );
  const open = storage?.open;
  if (open)
    return (
      <button type="button" className="wf-file-open" onClick={() => void open(file)}>
        {name}
      </button>
    );
  return <>{name}</>;
}

/** The attachments of a file field in the read-only view; other saved data is shown as it is. */
export function FileLinks({ value, storage }: { value: unknown; storage: FileStorage | undefined }) {
  const list = Array.isArray(value) ? value : [value];
  return (
    <ul className="wf-chips wf-files">
      {list.map((f, i) => (
        // A file list has no other identity once stored; ids repeat only in broken data.
        // biome-ignore lint/suspicious/noArrayIndexKey: static list
        <li key={i}>{isFileRef(f) ? <FileLink file={f} storage={storage} /> : JSON.stringify(f)}</li>
      ))}
    </ul>
  );
}
