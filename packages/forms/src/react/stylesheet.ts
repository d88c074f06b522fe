/**
 * The renderer's small stylesheet: a 12-column CSS grid that collapses to one column on a phone,
 * themed through CSS variables (`--wf-gap`, `--wf-error`, `--wf-border`, `--wf-accent`).
 * This is the one source: `@wf/forms/styles.css`, for hosts that link their CSS rather than apply
 * it from script, is generated from it (`pnpm --filter @wf/forms styles`; a test fails when stale).
 */
export const formStyles = `/* The form renderer's stylesheet (@wf/forms/styles.css). Generated from formStyles in src/react/stylesheet.ts by pnpm --filter @wf/forms styles: edit it there. */
.wf-form {
  --wf-gap: 12px;
  --wf-error: #b3261e;
  --wf-border: #8a8a8a;
  --wf-accent: #b71c1c;
  font: inherit;
}
.wf-grid {
  display: grid;
  grid-template-columns: repeat(12, minmax(0, 1fr));
  gap: var(--wf-gap);
}
.wf-item {
  grid-column: span var(--wf-span, 12);
  min-width: 0;
  display: flex;
  flex-direction: column;
  gap: 4px;
}
.wf-item input:not([type="checkbox"]):not([type="radio"]),
.wf-item select,
.wf-item textarea {
  font: inherit;
  padding: 6px 8px;
  border: 1px solid var(--wf-border);
  border-radius: 4px;
  min-height: 36px;
  box-sizing: border-box;
  width: 100%;
}
.wf-item [aria-invalid="true"] {
  border-color: var(--wf-error);
}
.wf-error {
  color: var(--wf-error);
  font-size: 0.9em;
}
.wf-help {
  color: #555;
  font-size: 0.9em;
}
.wf-required {
  color: var(--wf-error);
  margin-inline-start: 2px;
}
.wf-section {
  border: 1px solid var(--wf-border);
  border-radius: 6px;
  padding: var(--wf-gap);
  margin: 0;
}
.wf-summary {
  border: 2px solid var(--wf-error);
  padding: var(--wf-gap);
  margin-bottom: var(--wf-gap);
}
.wf-tabs [role="tablist"] {
  display: flex;
  gap: 4px;
  flex-wrap: wrap;
  border-bottom: 1px solid var(--wf-border);
}
.wf-tabs [role="tab"][aria-selected="true"] {
  border-bottom: 3px solid var(--wf-accent);
  font-weight: 600;
}
.wf-table {
  width: 100%;
  border-collapse: collapse;
}
.wf-table th,
.wf-table td {
  border: 1px solid var(--wf-border);
  padding: 4px;
  text-align: start;
}
.wf-table-wrap {
  overflow-x: auto;
}
.wf-choices {
  display: flex;
  flex-wrap: wrap;
  gap: 8px 16px;
  border: 0;
  padding: 0;
  margin: 0;
}
.wf-chips {
  display: flex;
  flex-wrap: wrap;
  gap: 4px;
  list-style: none;
  padding: 0;
  margin: 0;
}
.wf-listbox {
  list-style: none;
  margin: 0;
  padding: 0;
  border: 1px solid var(--wf-border);
  max-height: 240px;
  overflow: auto;
}
.wf-listbox [aria-selected="true"] {
  background: #eee;
}
.wf-signature canvas {
  border: 1px dashed var(--wf-border);
  touch-action: none;
  max-width: 100%;
}
.wf-actions {
  display: flex;
  gap: 8px;
  margin-top: var(--wf-gap);
  flex-wrap: wrap;
}
.wf-view dt {
  font-weight: 600;
}
.wf-view dd {
  margin: 0 0 8px 0;
  white-space: pre-wrap;
}
.wf-sr-only {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
}
@media (max-width: 600px) {
  .wf-item {
    grid-column: 1 / -1;
  }
}
@media print {
  .wf-actions,
  .wf-summary {
    display: none;
  }
  .wf-section {
    break-inside: avoid;
  }
}
`;
