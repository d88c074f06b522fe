import { type KeyboardEvent, useSyncExternalStore } from "react";
import { isValueField } from "../schema/fieldValueType";
import type { FieldJson, SectionJson, StaticJson, TabsJson } from "../schema/formJson";
import { localize } from "../schema/messages";
import { Field } from "./Field";
import { fieldId, useLayoutVisible, useRuntime } from "./formRuntime";
import { itemStyle } from "./itemStyle";

/** A list of form items laid out on the 12-column grid. */
export function FieldList({ fields, where }: { fields: readonly FieldJson[]; where: string }) {
  return (
    <div className="wf-grid">
      {fields.map((f, i) => (
        <Item key={f.key ?? `${where}[${i}]`} json={f} where={`${where}[${i}]`} />
      ))}
    </div>
  );
}

function Item({ json, where }: { json: FieldJson; where: string }) {
  const rt = useRuntime();
  if (isValueField(json)) {
    const field = rt.form.fields.get(json.key);
    return field ? <Field field={field} name={json.key} /> : null;
  }
  if (json.visible !== undefined) return <Conditional json={json} where={where} />;
  return <Layout json={json} where={where} />;
}

// Split out so that only items with a condition subscribe to it.
function Conditional({ json, where }: { json: FieldJson; where: string }) {
  const visible = useLayoutVisible(where);
  return visible ? <Layout json={json} where={where} /> : null;
}

function Layout({ json, where }: { json: FieldJson; where: string }) {
  switch (json.type) {
    case "section":
      return <Section json={json} where={where} />;
    case "tabs":
      return <Tabs json={json} where={where} />;
    case "static":
      return <StaticText json={json} />;
    default:
      return null;
  }
}

function Section({ json, where }: { json: SectionJson; where: string }) {
  const rt = useRuntime();
  return (
    <fieldset className="wf-item wf-section" style={itemStyle(json.span)}>
      {json.label && <legend>{localize(json.label, rt.locale)}</legend>}
      <FieldList fields={json.fields} where={`${where}.fields`} />
    </fieldset>
  );
}

/** Static text from the form, rendered as text (never as HTML). */
function StaticText({ json }: { json: StaticJson }) {
  const rt = useRuntime();
  return (
    <p className="wf-item wf-static" style={itemStyle(json.span)}>
      {localize(json.text, rt.locale)}
    </p>
  );
}

/** Tabs with the ARIA tabs pattern: arrow keys, Home and End move between tabs. */
function Tabs({ json, where }: { json: TabsJson; where: string }) {
  const rt = useRuntime();
  const selected = useSyncExternalStore(rt.subscribeTabs, () => rt.selectedTab(where));
  const base = fieldId(rt.idPrefix, `tabs${where.replace(/[^a-z0-9]/gi, "-")}`);
  const focusTab = (i: number) => {
    rt.selectTab(where, i);
    document.getElementById(`${base}-tab-${i}`)?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const n = json.tabs.length;
    const to =
      e.key === "ArrowRight"
        ? (selected + 1) % n
        : e.key === "ArrowLeft"
          ? (selected - 1 + n) % n
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? n - 1
              : undefined;
    if (to !== undefined) {
      e.preventDefault();
      focusTab(to);
    }
  };
  const tab = json.tabs[selected] ?? json.tabs[0];
  return (
    <div className="wf-item wf-tabs" style={itemStyle(json.span)}>
      <div
        role="tablist"
        aria-label={json.label ? localize(json.label, rt.locale) : undefined}
        onKeyDown={onKey}
      >
        {json.tabs.map((t, i) => (
          <button
            key={t.title.zh}
            type="button"
            role="tab"
            id={`${base}-tab-${i}`}
            aria-selected={i === selected}
            aria-controls={`${base}-panel`}
            tabIndex={i === selected ? 0 : -1}
            onClick={() => rt.selectTab(where, i)}
          >
            {localize(t.title, rt.locale)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${selected}`}>
        {tab && <FieldList key={selected} fields={tab.fields} where={`${where}.tabs[${selected}].fields`} />}
      </div>
    </div>
  );
}
