import type { CSSProperties } from "react";

/** The grid cell of an item: its span in the 12-column grid. */
export function itemStyle(span: number | undefined): CSSProperties {
  return { "--wf-span": String(span ?? 12) } as CSSProperties;
}
