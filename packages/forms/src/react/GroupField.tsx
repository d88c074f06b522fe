import { type ComponentType, memo } from "react";
import { useFieldArray, useFormContext, useFormState, useWatch } from "react-hook-form";
import type { CompiledField } from "../schema/compileForm";
import { decimalSum, formatMoney } from "../schema/decimal";
import type { FieldState } from "../schema/formState";
import { newRow } from "../schema/formState";
import { localize, messages } from "../schema/messages";
import { errorText } from "./errorText";
import { fieldId, useRuntime } from "./formRuntime";
import { itemStyle } from "./itemStyle";
import { uiText } from "./uiText";

function isRows(v: unknown): v is Record<string, unknown>[] {
  return Array.isArray(v) && v.every((r) => r !== null && typeof r === "object" && !Array.isArray(r));
}

/** How a group renders the field of one cell: `Field`, handed in so the two modules, which
 * render each other, do not import each other. */
type CellField = ComponentType<{ field: CompiledField; name: string; cell?: boolean }>;

/**
 * A repeating group (each row a small grid) or a table (one row per line, column totals in the
 * footer). Saved data that is not a list of rows is shown with an error and can be cleared,
 * rather than breaking the form.
 */
export function GroupField({
  field,
  name,
  state,
  Cell,
}: {
  field: CompiledField;
  name: string;
  state: FieldState;
  Cell: CellField;
}) {
  const rt = useRuntime();
  const { control, setValue } = useFormContext();
  const value = useWatch({ control, name });
  const id = fieldId(rt.idPrefix, name);
  const label = localize(field.json.label, rt.locale) || field.key;
  if (value !== undefined && value !== null && !isRows(value)) {
    return (
      <div className="wf-item" style={itemStyle(field.json.span)}>
        <span id={`${id}-label`}>{label}</span>
        <output id={id} aria-labelledby={`${id}-label`} aria-invalid="true" aria-describedby={`${id}-error`}>
          {JSON.stringify(value)}
        </output>
        <span id={`${id}-error`} className="wf-error">
          {localize(messages.type({ zh: "行列表", en: "a list of rows" }), rt.locale)}
        </span>
        {!state.readonly && (
          <button type="button" onClick={() => setValue(name, [], { shouldDirty: true })}>
            {uiText(rt.locale).empty} ×
          </button>
        )}
      </div>
    );
  }
  return <Rows field={field} name={name} state={state} label={label} id={id} Cell={Cell} />;
}

// Memoized: GroupField watches the whole group value (to catch bad saved data), and without this
// every keystroke in one cell would re-render every cell of the table.
const Rows = memo(function Rows(props: {
  field: CompiledField;
  name: string;
  state: FieldState;
  label: string;
  id: string;
  Cell: CellField;
}) {
  const { field, name, state, label, id, Cell } = props;
  const rt = useRuntime();
  const t = uiText(rt.locale);
  const { control } = useFormContext();
  const { fields: rows, append, remove } = useFieldArray({ control, name });
  const { errors } = useFormState({ control, name });
  const json = field.json;
  const maxRows = "maxRows" in json ? json.maxRows : undefined;
  const rootError = (errors[name] as { root?: { message?: string } } | undefined)?.root?.message;
  const canEdit = !state.readonly && !state.disabled;
  const errId = `${id}-error`;
  const add = (
    <button
      type="button"
      id={id}
      disabled={!canEdit || (maxRows !== undefined && rows.length >= maxRows)}
      onClick={() => {
        append(newRow(field));
        rt.changed(name);
      }}
      aria-describedby={rootError ? errId : undefined}
    >
      {t.addRow}
    </button>
  );
  const error = rootError && (
    <span id={errId} className="wf-error">
      {errorText(rootError, rt.locale)}
    </span>
  );
  if (json.type === "table") {
    const totals = "totals" in json ? (json.totals ?? []) : [];
    return (
      <div className="wf-item" style={itemStyle(json.span)}>
        <div className="wf-table-wrap">
          <table className="wf-table" aria-describedby={rootError ? errId : undefined}>
            <caption>{label}</caption>
            <thead>
              <tr>
                {field.columns.map((c) => (
                  <th key={c.key} scope="col">
                    {localize(c.json.label, rt.locale) || c.key}
                  </th>
                ))}
                {canEdit && <th scope="col" className="wf-sr-only" />}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.id}>
                  {field.columns.map((c) => (
                    <td key={c.key}>
                      <Cell field={c} name={`${name}.${i}.${c.key}`} cell />
                    </td>
                  ))}
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        onClick={() => {
                          remove(i);
                          rt.changed(name);
                        }}
                      >
                        {t.removeRow(i + 1)}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
            {totals.length > 0 && <Totals field={field} name={name} totals={totals} extraCell={canEdit} />}
          </table>
        </div>
        {error}
        {canEdit && <div className="wf-actions">{add}</div>}
      </div>
    );
  }
  return (
    <fieldset className="wf-item wf-section" style={itemStyle(json.span)}>
      <legend>{label}</legend>
      {rows.map((row, i) => (
        <fieldset key={row.id} className="wf-grid wf-section">
          <legend>{t.row(i + 1)}</legend>
          {field.columns.map((c) => (
            <Cell key={c.key} field={c} name={`${name}.${i}.${c.key}`} />
          ))}
          {canEdit && (
            <div className="wf-item">
              <button
                type="button"
                onClick={() => {
                  remove(i);
                  rt.changed(name);
                }}
              >
                {t.removeRow(i + 1)}
              </button>
            </div>
          )}
        </fieldset>
      ))}
      {error}
      {canEdit && <div className="wf-actions">{add}</div>}
    </fieldset>
  );
});

/** The footer row of a table: decimal-safe sums of the chosen columns. */
function Totals(props: {
  field: CompiledField;
  name: string;
  totals: readonly string[];
  extraCell: boolean;
}) {
  const { field, name, totals } = props;
  const rt = useRuntime();
  const { control } = useFormContext();
  const rows = useWatch({ control, name }) as Record<string, unknown>[] | undefined;
  return (
    <tfoot>
      <tr>
        {field.columns.map((c, i) => {
          if (!totals.includes(c.key)) return <td key={c.key}>{i === 0 ? uiText(rt.locale).total : ""}</td>;
          const sum = decimalSum((rows ?? []).map((r) => r[c.key]));
          return (
            <td key={c.key} data-total={c.key}>
              {c.json.type === "money" ? formatMoney(sum) : String(sum)}
            </td>
          );
        })}
        {props.extraCell && <td />}
      </tr>
    </tfoot>
  );
}
