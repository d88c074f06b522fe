import type { OptionJson } from "../schema/formJson";
import { localize } from "../schema/messages";
import { aria, type ControlProps } from "./controlProps";
import { uiText } from "./uiText";

// Option values may be numbers; DOM values are strings, so options are found back by index.
function options(p: ControlProps): readonly OptionJson[] {
  return p.state.options ?? ("options" in p.field.json ? p.field.json.options : []);
}

/** A native select: keyboard and screen-reader support come with it. */
export function SelectControl(p: ControlProps) {
  const opts = options(p);
  const index = opts.findIndex((o) => o.value === p.value);
  return (
    <select
      {...aria(p)}
      value={index < 0 ? "" : String(index)}
      onChange={(e) =>
        p.onChange(e.target.value === "" ? null : (opts[Number(e.target.value)]?.value ?? null))
      }
      onBlur={p.onBlur}
    >
      <option value="">{uiText(p.locale).choose}</option>
      {opts.map((o, i) => (
        <option key={String(o.value)} value={String(i)}>
          {localize(o.label, p.locale)}
        </option>
      ))}
    </select>
  );
}

/** Radio buttons in a group labelled by the field's label; arrow keys move between them. */
export function RadioControl(p: ControlProps) {
  const opts = options(p);
  return (
    <div
      role="radiogroup"
      id={p.id}
      aria-labelledby={p.labelId}
      aria-describedby={p.describedBy}
      aria-invalid={p.invalid}
      aria-required={p.state.required || undefined}
      className="wf-choices"
      tabIndex={-1}
    >
      {opts.map((o, i) => (
        <label key={String(o.value)}>
          <input
            type="radio"
            name={p.id}
            id={i === 0 ? `${p.id}-0` : undefined}
            checked={o.value === p.value}
            disabled={p.state.disabled}
            onChange={() => p.onChange(o.value)}
            onBlur={p.onBlur}
          />{" "}
          {localize(o.label, p.locale)}
        </label>
      ))}
    </div>
  );
}

/** Checkboxes, one per option; the value is the list of chosen option values in option order. */
export function MultiSelectControl(p: ControlProps) {
  const opts = options(p);
  const chosen = Array.isArray(p.value) ? (p.value as unknown[]) : [];
  return (
    <fieldset
      id={p.id}
      aria-labelledby={p.labelId}
      aria-describedby={p.describedBy}
      aria-invalid={p.invalid}
      className="wf-choices"
      tabIndex={-1}
    >
      {opts.map((o) => (
        <label key={String(o.value)}>
          <input
            type="checkbox"
            checked={chosen.includes(o.value)}
            disabled={p.state.disabled}
            onChange={(e) => {
              const next = e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value);
              const order = (v: unknown) => opts.findIndex((x) => x.value === v);
              p.onChange(next.sort((a, b) => order(a) - order(b)));
            }}
            onBlur={p.onBlur}
          />{" "}
          {localize(o.label, p.locale)}
        </label>
      ))}
    </fieldset>
  );
}

/** A single checkbox ("I confirm …"); labelled by the field label beside it. */
export function CheckboxControl(p: ControlProps) {
  return (
    <input
      {...aria(p)}
      type="checkbox"
      checked={p.value === true}
      onChange={(e) => p.onChange(e.target.checked)}
      onBlur={p.onBlur}
    />
  );
}

/** An on/off switch: a button with role="switch", toggled by Space or Enter. */
export function SwitchControl(p: ControlProps) {
  const on = p.value === true;
  const t = uiText(p.locale);
  return (
    <button
      {...aria(p)}
      type="button"
      role="switch"
      aria-checked={on}
      aria-labelledby={p.labelId}
      onClick={() => p.onChange(!on)}
      onBlur={p.onBlur}
    >
      {on ? t.yes : t.no}
    </button>
  );
}
