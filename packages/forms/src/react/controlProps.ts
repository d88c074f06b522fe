import type { CompiledField } from "../schema/compileForm";
import type { FieldState } from "../schema/formState";
import type { Locale } from "../schema/types";

/** What the field wrapper hands every input control. */
export interface ControlProps {
  field: CompiledField;
  name: string;
  state: FieldState;
  locale: Locale;
  /** DOM id of the focusable control (the error summary links to it). */
  id: string;
  /** id of the visible label, for controls labelled by aria-labelledby. */
  labelId: string;
  describedBy: string | undefined;
  invalid: boolean;
  value: unknown;
  onChange(value: unknown): void;
  onBlur(): void;
  /** Reports a problem found before the value is stored (file too large …). */
  setError(message: { zh: string; en: string }): void;
}

/** The common ARIA attributes of a control. */
export function aria(p: ControlProps) {
  return {
    id: p.id,
    "aria-invalid": p.invalid,
    "aria-describedby": p.describedBy,
    "aria-required": p.state.required || undefined,
    disabled: p.state.disabled,
  };
}

/** A value as the string an input shows (wrong-typed saved data is shown, not thrown on). */
export function asText(v: unknown): string {
  if (v === undefined || v === null) return "";
  return typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v);
}
