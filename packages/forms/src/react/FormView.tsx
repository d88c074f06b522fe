import { useId, useMemo } from "react";
import type { CompiledField, CompiledForm } from "../schema/compileForm";
import { isValueField } from "../schema/fieldValueType";
import type { FieldJson, ValueFieldJson } from "../schema/formJson";
import { createFormLogic, type FormLogic } from "../schema/formLogic";
import type { FormContext } from "../schema/formState";
import { localize } from "../schema/messages";
import type { FieldPermissions, FormValues, Locale } from "../schema/types";
import { FileLinks } from "./FileLinks";
import { type FormHost, useFormHost } from "./FormHost";
import { formatValue } from "./formatValue";
import { isSignature, SignatureImage } from "./SignatureImage";
import { uiText } from "./uiText";

/** Props of FormView. */
export interface FormViewProps {
  form: CompiledForm;
  values: FormValues;
  permissions?: FieldPermissions | undefined;
  locale?: Locale | undefined;
  context?: FormContext | undefined;
  /** Show a print button (hidden on paper by the stylesheet). */
  printButton?: boolean | undefined;
}

interface ViewCtx {
  form: CompiledForm;
  logic: FormLogic;
  locale: Locale;
  host: FormHost;
  values: FormValues;
}

/**
 * The read-only and print view of a submitted form: every visible field as label and text, tabs
 * and wizard pages one after another, groups and tables as tables. Wrong-typed saved values are
 * shown as they are.
 */
export function FormView(props: FormViewProps) {
  const locale = props.locale ?? "zh-CN";
  const host = useFormHost();
  const titleId = useId();
  const logic = useMemo(
    () => createFormLogic(props.form, props.values, { ...props.context, permissions: props.permissions }),
    [props.form, props.values, props.permissions, props.context],
  );
  const ctx: ViewCtx = { form: props.form, logic, locale, host, values: logic.values() };
  return (
    <article className="wf-form wf-view" aria-labelledby={titleId} lang={locale === "en" ? "en" : "zh-CN"}>
      <h2 id={titleId}>{localize(props.form.json.title, locale)}</h2>
      <Items list={props.form.json.fields} where="fields" ctx={ctx} />
      {props.printButton && (
        <div className="wf-actions">
          <button type="button" onClick={() => globalThis.print?.()}>
            {uiText(locale).print}
          </button>
        </div>
      )}
    </article>
  );
}

function Items({ list, where, ctx }: { list: readonly FieldJson[]; where: string; ctx: ViewCtx }) {
  const values = list.flatMap((f) => (isValueField(f) ? [f] : []));
  const rows = values
    .map((f) => ctx.form.fields.get(f.key))
    .filter((f): f is CompiledField => f !== undefined && ctx.logic.state(f.key).visible);
  return (
    <>
      {rows.some((f) => f.columns.length === 0) && (
        <dl>
          {rows
            .filter((f) => f.columns.length === 0)
            .map((f) => (
              <div key={f.key}>
                <dt>{localize(f.json.label, ctx.locale) || f.key}</dt>
                <dd>
                  <ValueView field={f.json} value={ctx.values[f.key]} ctx={ctx} />
                </dd>
              </div>
            ))}
        </dl>
      )}
      {rows
        .filter((f) => f.columns.length > 0)
        .map((f) => (
          <RowsView key={f.key} field={f} ctx={ctx} />
        ))}
      {list.map((f, i) => {
        const at = `${where}[${i}]`;
        if (isValueField(f) || !ctx.logic.layoutVisible(at)) return null;
        if (f.type === "static") return <p key={at}>{localize(f.text, ctx.locale)}</p>;
        const parts =
          f.type === "section"
            ? [{ title: f.label, fields: f.fields, where: `${at}.fields` }]
            : f.type === "tabs"
              ? f.tabs.map((t, ti) => ({
                  title: t.title,
                  fields: t.fields,
                  where: `${at}.tabs[${ti}].fields`,
                }))
              : f.pages.map((p, pi) => ({
                  title: p.title,
                  fields: p.fields,
                  where: `${at}.pages[${pi}].fields`,
                }));
        return parts.map((p) => (
          <section key={p.where} className="wf-section">
            {p.title && <h3>{localize(p.title, ctx.locale)}</h3>}
            <Items list={p.fields} where={p.where} ctx={ctx} />
          </section>
        ));
      })}
    </>
  );
}

function RowsView({ field, ctx }: { field: CompiledField; ctx: ViewCtx }) {
  const value = ctx.values[field.key];
  const label = localize(field.json.label, ctx.locale) || field.key;
  if (!Array.isArray(value))
    return (
      <dl>
        <dt>{label}</dt>
        <dd>{value === undefined || value === null ? uiText(ctx.locale).empty : JSON.stringify(value)}</dd>
      </dl>
    );
  const columns = field.columns.filter(
    (c) => ctx.logic.state(`${field.key}.0.${c.key}`).visible || value.length === 0,
  );
  return (
    <table className="wf-table">
      <caption>{label}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col">
              {localize(c.json.label, ctx.locale) || c.key}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {value.map((row: unknown, i) => (
          // Rows have no ids once submitted; their order is their identity here.
          // biome-ignore lint/suspicious/noArrayIndexKey: static, never reordered
          <tr key={i}>
            {columns.map((c) => (
              <td key={c.key}>
                <ValueView
                  field={c.json}
                  value={
                    row !== null && typeof row === "object" ? (row as Record<string, unknown>)[c.key] : row
                  }
                  ctx={ctx}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One value: attachments as links through the host's storage, everything else as text. */
function ValueView({ field, value, ctx }: { field: ValueFieldJson; value: unknown; ctx: ViewCtx }) {
  if (
    field.type === "file" &&
    value !== null &&
    value !== undefined &&
    !(Array.isArray(value) && value.length === 0)
  )
    return <FileLinks value={value} storage={ctx.host.storage} />;
  if (field.type === "signature" && isSignature(value))
    return <SignatureImage value={value} storage={ctx.host.storage} locale={ctx.locale} />;
  return <>{formatValue(field, value, ctx.locale, ctx.host)}</>;
}
