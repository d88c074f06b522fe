import type { DesignerLocale } from "../form/formTypes.ts";
import { SelectInput, TextInput } from "../form/propertyInputs.tsx";
import { uiText } from "../ui/uiText.ts";

/** `{ days: n }` or `{ workingDays: n }`, n a number or an expression (contract §2). */
export type Duration = { days: number | string } | { workingDays: number | string };

/** Read a duration property, tolerating a half-written one. */
function readDuration(value: unknown): {
  unit: "days" | "workingDays";
  amount: number | string | undefined;
} {
  const v = (typeof value === "object" && value !== null ? value : {}) as {
    days?: unknown;
    workingDays?: unknown;
  };
  const amount = (x: unknown) => (typeof x === "number" || typeof x === "string" ? x : undefined);
  return v.workingDays !== undefined
    ? { unit: "workingDays", amount: amount(v.workingDays) }
    : { unit: "days", amount: amount(v.days) };
}

/**
 * A duration: the amount (a number, or an expression such as `data.noticeDays` so the period is
 * data) and whether it counts calendar or working days. Clearing the amount removes it.
 */
export function DurationInput(props: {
  label: string;
  value: unknown;
  onCommit: (value: Duration | undefined) => void;
  locale: DesignerLocale;
}) {
  const t = uiText(props.locale);
  const { unit, amount } = readDuration(props.value);
  const make = (u: "days" | "workingDays", a: number | string): Duration =>
    u === "days" ? { days: a } : { workingDays: a };
  return (
    <fieldset className="wf-prop">
      <legend>{props.label}</legend>
      <TextInput
        label={`${props.label}: ${t.duration}`}
        value={amount === undefined ? undefined : String(amount)}
        onCommit={(text) => {
          if (text === undefined) return props.onCommit(undefined);
          const n = Number(text);
          props.onCommit(make(unit, text.trim() !== "" && Number.isFinite(n) ? n : text));
        }}
      />
      <SelectInput
        label={`${props.label}: ${t.unit}`}
        value={unit}
        options={[
          ["days", t.days],
          ["workingDays", t.workingDays],
        ]}
        onCommit={(u) =>
          amount !== undefined && props.onCommit(make(u === "workingDays" ? "workingDays" : "days", amount))
        }
      />
    </fieldset>
  );
}
