import { useState } from "react";
import { messages } from "../schema/messages";
import type { ControlProps } from "./controlProps";
import { FileLink, isFileRef } from "./FileLinks";
import { useFormHost } from "./FormHost";
import { uiText } from "./uiText";

function allowed(file: File, accept: readonly string[] | undefined): boolean {
  if (!accept) return true;
  const name = file.name.toLowerCase();
  return accept.some((a) => {
    const rule = a.toLowerCase();
    if (rule.startsWith(".")) return name.endsWith(rule);
    if (rule.endsWith("/*")) return file.type.toLowerCase().startsWith(rule.slice(0, -1));
    return file.type.toLowerCase() === rule;
  });
}

/**
 * File attachments: checked for size and type before they are handed to the host's storage
 * (no point storing what the schema will refuse); the value is the list of stored references.
 */
export function FileControl(p: ControlProps) {
  const json = p.field.json;
  const { storage } = useFormHost();
  const t = uiText(p.locale);
  const [busy, setBusy] = useState(false);
  if (json.type !== "file") return null;
  const files = Array.isArray(p.value) ? p.value.filter(isFileRef) : [];
  const add = async (list: FileList | null) => {
    if (!list || !storage) return;
    const picked = [...list];
    for (const f of picked) {
      if (json.maxSize !== undefined && f.size > json.maxSize) {
        const mb =
          json.maxSize >= 1048576
            ? `${+(json.maxSize / 1048576).toFixed(1)} MB`
            : `${Math.ceil(json.maxSize / 1024)} KB`;
        return p.setError(messages.fileSize(f.name, mb));
      }
      if (!allowed(f, json.accept)) return p.setError(messages.fileType(f.name));
    }
    if (json.maxFiles !== undefined && files.length + picked.length > json.maxFiles)
      return p.setError(messages.maxFiles(json.maxFiles));
    setBusy(true);
    try {
      const stored = await Promise.all(picked.map((f) => storage.put(f)));
      p.onChange([...files, ...stored]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      {files.length > 0 && (
        <ul className="wf-chips">
          {files.map((f) => {
            return (
              <li key={f.id}>
                <FileLink file={f} storage={storage} />{" "}
                <button
                  type="button"
                  disabled={p.state.disabled}
                  aria-label={t.remove(f.name)}
                  onClick={() => p.onChange(files.filter((x) => x.id !== f.id))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <input
        id={p.id}
        type="file"
        aria-labelledby={p.labelId}
        aria-describedby={p.describedBy}
        aria-invalid={p.invalid}
        accept={json.accept?.join(",")}
        multiple={json.maxFiles !== 1}
        disabled={p.state.disabled || !storage || busy}
        onChange={(e) => {
          void add(e.target.files);
          e.target.value = "";
        }}
        onBlur={p.onBlur}
      />
      {!storage && <span className="wf-help">{t.noStorage}</span>}
      {busy && <span role="status">{t.uploading}</span>}
    </div>
  );
}
