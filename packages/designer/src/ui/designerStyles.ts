/**
 * The designers' own styles, scoped by class prefix (`wf-fd-` form designer, `wf-wd-` workflow
 * designer) and shipped with the components so the app needs no stylesheet for them.
 */
export const designerStyles = `
.wf-designer { display: grid; gap: 8px; font: 14px/1.5 system-ui, "Noto Sans CJK SC", sans-serif; color: #1f2328; }
.wf-designer button { font: inherit; cursor: pointer; }
.wf-designer button:focus-visible, .wf-designer input:focus-visible, .wf-designer select:focus-visible { outline: 2px solid #0b5cad; outline-offset: 1px; }
.wf-toolbar { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.wf-refusal { color: #b42318; }
.wf-fd-body { display: grid; grid-template-columns: 180px minmax(320px, 1fr) 360px; gap: 12px; align-items: start; }
.wf-fd-palette ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.wf-fd-palette button { width: 100%; text-align: start; }
.wf-fd-list { list-style: none; margin: 0; padding: 8px; display: grid; grid-template-columns: repeat(12, 1fr); gap: 8px; min-height: 48px; border: 1px dashed #c9ced6; border-radius: 6px; }
.wf-fd-list[data-over] { background: #eef5ff; }
.wf-fd-empty { grid-column: span 12; color: #6b7280; }
.wf-fd-field { border: 1px solid #d0d7de; border-radius: 6px; background: #fff; padding: 4px; }
.wf-fd-field[data-selected] { border-color: #0b5cad; box-shadow: 0 0 0 2px #cfe2ff; }
.wf-fd-field-head { display: flex; gap: 4px; align-items: center; }
.wf-fd-handle { cursor: grab; border: none; background: none; touch-action: none; }
.wf-fd-select { flex: 1; display: flex; gap: 8px; align-items: baseline; border: none; background: none; text-align: start; }
.wf-fd-type, .wf-fd-key { color: #6b7280; font-size: 12px; }
.wf-fd-children { margin: 4px 0 0 16px; }
.wf-fd-panel-title { font-weight: 600; font-size: 12px; }
.wf-side-tabs { display: flex; gap: 2px; }
.wf-side-tabs [aria-selected="true"] { font-weight: 700; border-bottom: 2px solid #0b5cad; }
.wf-prop { display: grid; gap: 2px; margin: 6px 0; border: none; padding: 0; }
.wf-prop-check { display: flex; gap: 6px; align-items: center; }
.wf-expr-input .cm-editor { border: 1px solid #c9ced6; border-radius: 4px; min-height: 28px; }
.wf-expr-input[data-invalid] .cm-editor { border-color: #b42318; }
.wf-expr-issues { color: #b42318; margin: 2px 0; padding-inline-start: 16px; }
.wf-expr-result { color: #0a7d38; font-size: 12px; }
.wf-json-view .cm-editor { border: 1px solid #c9ced6; max-height: 480px; }
.wf-issues { color: #b42318; }
.wf-issue-link { border: none; background: none; color: inherit; text-align: start; text-decoration: underline; padding: 0; }
.wf-wd-body { display: grid; grid-template-columns: minmax(420px, 1fr) 380px; gap: 12px; }
.wf-wd-canvas { height: max(560px, 75vh); border: 1px solid #d0d7de; border-radius: 6px; }
.wf-wd-node { padding: 6px 10px; border: 1px solid #8c959f; border-radius: 6px; background: #fff; min-width: 120px; }
.wf-wd-node[data-issues] { border-color: #b42318; background: #fff5f5; }
.wf-wd-node[data-selected] { box-shadow: 0 0 0 2px #0b5cad; }
.wf-wd-node small { display: block; color: #6b7280; }
.wf-wd-sim { display: grid; gap: 4px; align-content: start; }
.wf-wd-sim ul, .wf-wd-sim ol { margin: 0; padding-inline-start: 18px; }
.wf-wd-props { display: grid; gap: 2px; }
.wf-wd-badge { color: #b42318; font-size: 12px; }
`;
