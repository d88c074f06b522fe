import type { FileRef } from "@wf/forms";

function isFileRef(v: unknown): v is FileRef {
  if (!v || typeof v !== "object") return false;
  const r = v as Record<string, unknown>;
  return typeof r.id === "string" && typeof r.name === "string" && typeof r.size === "number" && "type" in r;
}

/** Every attachment reference in submitted form values, at any depth (tables, groups). */
export function attachmentsOf(values: unknown): FileRef[] {
  const out: FileRef[] = [];
  const walk = (v: unknown) => {
    if (isFileRef(v)) out.push(v);
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === "object") for (const x of Object.values(v)) walk(x);
  };
  walk(values);
  return out;
}
