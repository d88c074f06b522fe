import { useEffect, useState } from "react";
import type { FileRef } from "../schema/formJson";
import type { Locale } from "../schema/types";
import { FileLink, isFileRef } from "./FileLinks";
import type { FileStorage } from "./FormHost";
import { uiText } from "./uiText";

/** Whether a value is a signature image: a data URL, or a stored image's reference. */
export function isSignature(value: unknown): value is string | FileRef {
  return (typeof value === "string" && value.startsWith("data:image/")) || isFileRef(value);
}

/** A data URL as a file to hand to the host's storage (no canvas.toBlob: synchronous, testable). */
export function dataUrlToFile(dataUrl: string, name: string): File | undefined {
  const m = /^data:([^;,]+);base64,(.*)$/.exec(dataUrl);
  if (!m?.[1] || m[2] === undefined) return undefined;
  const binary = atob(m[2]);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new File([bytes], name, { type: m[1] });
}

/** An object URL for a stored file read through the host's storage, revoked when no longer shown. */
function useStoredImage(ref: FileRef | undefined, storage: FileStorage | undefined): string | undefined {
  const [src, setSrc] = useState<string>();
  const id = ref?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: one read per stored file
  useEffect(() => {
    setSrc(undefined);
    if (!ref || !storage?.read || typeof URL.createObjectURL !== "function") return;
    let url: string | undefined;
    let live = true;
    storage.read(ref).then(
      (blob) => {
        if (!live || !blob) return;
        url = URL.createObjectURL(blob);
        setSrc(url);
      },
      () => {},
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [id, storage]);
  return src;
}

/**
 * A signature as an image: the data URL itself, or the stored file read through the host's
 * storage (`read`); without `read` a stored signature is a link or button to open it (`url`, `open`).
 */
export function SignatureImage(props: {
  value: string | FileRef;
  storage: FileStorage | undefined;
  locale: Locale;
  /** A data URL already at hand for a stored value (just drawn), shown instead of reading it back. */
  preview?: string | undefined;
}) {
  const t = uiText(props.locale);
  const ref = typeof props.value === "string" ? undefined : props.value;
  const stored = useStoredImage(props.preview ? undefined : ref, props.storage);
  const src = typeof props.value === "string" ? props.value : (props.preview ?? stored);
  if (src) return <img src={src} alt={t.signed} style={{ maxWidth: 300, display: "block" }} />;
  if (!ref) return null;
  return (
    <span>
      {t.signed}: <FileLink file={ref} storage={props.storage} />
    </span>
  );
}
