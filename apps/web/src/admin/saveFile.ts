/**
 * Hands a file to the browser's download (the app has no server to send it to). The object URL is
 * revoked on the next task, after the click has started the download.
 */
export function saveFile(name: string, content: Blob | string, type = "application/json"): void {
  const blob = typeof content === "string" ? new Blob([content], { type: `${type};charset=utf-8` }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A date stamp for file names in the clerk's time zone: `2026-03-02-0930`. */
export function fileStamp(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace("T", "-").replace(":", "");
}
