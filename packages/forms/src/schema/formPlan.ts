import type { CompiledField, CompiledForm, CompiledRule } from "./compileForm";
import { type ValueType, valueTypeOf } from "./fieldValueSchema";
import type { OptionJson } from "./formJson";
import { fixedOptionsOf, permissionOf } from "./formState";
import type { FieldPermission, FieldPermissions } from "./types";

/** A field the step lets people change ("editable" or "required"), as validation walks it. */
export interface PlannedField {
  field: CompiledField;
  permission: FieldPermission;
  /** Whether it has columns at all: its rows must be objects even when no column is checked. */
  hasColumns: boolean;
  /** Its columns the step lets people change. */
  columns: readonly PlannedField[];
  /** Its path in the values (`[key]`) when it is a top-level field; a column's depends on its row. */
  path: readonly PropertyKey[];
  /** Its value type and its options for any values (see fixedOptionsOf), kept here rather than looked up per value. */
  valueType: ValueType;
  fixedOptions: readonly OptionJson[] | null | undefined;
}

/** A cross-field rule that reads at least one field the step lets people change. */
interface PlannedRule {
  rule: CompiledRule;
  /** The field it reports on: the rule is skipped while that field's conditions hide it. */
  target?: CompiledField | undefined;
  /** Where its issue goes (`[]` for the form). */
  path: readonly PropertyKey[];
}

/**
 * What a step's permissions decide about validating a form, worked out once: which fields and
 * rules are checked at all, and what is stored. Only the values, the clock, the case data and
 * the directory are left for each call (see checkForm).
 */
export interface FormPlan {
  form: CompiledForm;
  /** Whether validating may evaluate an expression at all (else no scope is made). */
  reads: boolean;
  /** Top-level fields to check, in document order (hidden and read-only ones never are). */
  checked: readonly PlannedField[];
  rules: readonly PlannedRule[];
  /** What a submission stores: fields the step shows, without the columns it hides. */
  stored: readonly { key: string; hiddenColumns: readonly string[] }[];
}

function changeable(permission: FieldPermission): boolean {
  return permission === "editable" || permission === "required";
}

/** Works out a form's plan for one set of permissions (uncached; see formPlan). */
export function createFormPlan(form: CompiledForm, permissions: FieldPermissions | undefined): FormPlan {
  const planned = (field: CompiledField): PlannedField[] => {
    const permission = permissionOf(permissions, field);
    if (!changeable(permission)) return [];
    return [
      {
        field,
        permission,
        hasColumns: field.columns.length > 0,
        columns: field.columns.flatMap(planned),
        path: Object.freeze(field.group ? [] : [field.key]),
        valueType: valueTypeOf(field.json),
        fixedOptions: fixedOptionsOf(field),
      },
    ];
  };
  const editable = (node: string) => {
    const f = form.fields.get(node);
    return f !== undefined && changeable(permissionOf(permissions, f));
  };
  const rules = form.rules.flatMap((rule): PlannedRule[] => {
    const target = rule.path === "" ? undefined : form.fields.get(rule.path);
    // Hidden from the step: never visible, so never checked.
    if (target && permissionOf(permissions, target) === "hidden") return [];
    // A rule over fields this step cannot change would block it with nothing to fix.
    if (!rule.expr.reads.some(editable)) return [];
    return [{ rule, target, path: rule.path === "" ? [] : rule.path.split(".") }];
  });
  const stored = form.topLevel.flatMap((f) =>
    permissionOf(permissions, f) === "hidden"
      ? []
      : [
          {
            key: f.key,
            hiddenColumns: f.columns
              .filter((c) => permissionOf(permissions, c) === "hidden")
              .map((c) => c.key),
          },
        ],
  );
  return { form, reads: readsScope(form), checked: form.topLevel.flatMap(planned), rules, stored };
}

/**
 * Whether validating the form may evaluate an expression (a condition, a flag, a bound, an
 * option's condition, a field or form rule).
 */
function readsScope(form: CompiledForm): boolean {
  let reads = form.rules.length > 0;
  for (const f of form.fields.values()) {
    if (
      f.visible.length > 0 ||
      f.required ||
      f.readonly ||
      f.disabled ||
      f.calc ||
      f.defaultExpr ||
      f.min ||
      f.max ||
      f.rules.length > 0 ||
      f.options?.some((o) => o.visible)
    )
      reads = true;
  }
  return reads;
}

// Plans per compiled form, by permissions. A form meets few permission sets (one per step that
// uses it), so a small bound per form is plenty; the WeakMap lets a dropped form take its plans.
const MAX_PLANS_PER_FORM = 32;
const plans = new WeakMap<CompiledForm, Map<string, FormPlan>>();

/** Permissions by content, not identity: the engine builds a new object for every submission. */
function permissionsKey(p: FieldPermissions | undefined): string {
  return p === undefined ? "" : `${p.default ?? "editable"} ${JSON.stringify(p.fields ?? {})}`;
}

// Plans by the identity of frozen permissions (the engine hands the same frozen object for every
// submission of a step): no key to build. Only frozen ones, whose content cannot change later.
const plansByIdentity = new WeakMap<CompiledForm, WeakMap<FieldPermissions, FormPlan>>();

function frozen(p: FieldPermissions): boolean {
  return Object.isFrozen(p) && (p.fields === undefined || Object.isFrozen(p.fields));
}

/** The form's plan for these permissions, made once and reused (see createFormPlan). */
export function formPlan(form: CompiledForm, permissions: FieldPermissions | undefined): FormPlan {
  if (permissions === undefined) return planByContent(form, permissions);
  // Found by identity before asking whether it is frozen: only frozen permissions are ever kept,
  // and they stay frozen, while Object.isFrozen walks every property (a tenth of a validation).
  let byIdentity = plansByIdentity.get(form);
  const known = byIdentity?.get(permissions);
  if (known) return known;
  if (!frozen(permissions)) return planByContent(form, permissions);
  if (!byIdentity) {
    byIdentity = new WeakMap();
    plansByIdentity.set(form, byIdentity);
  }
  const plan = planByContent(form, permissions);
  byIdentity.set(permissions, plan);
  return plan;
}

function planByContent(form: CompiledForm, permissions: FieldPermissions | undefined): FormPlan {
  let byKey = plans.get(form);
  if (!byKey) {
    byKey = new Map();
    plans.set(form, byKey);
  }
  const key = permissionsKey(permissions);
  let plan = byKey.get(key);
  if (!plan) {
    plan = createFormPlan(form, permissions);
    // Evict the oldest: insertion order is the Map's iteration order.
    if (byKey.size >= MAX_PLANS_PER_FORM) byKey.delete(byKey.keys().next().value as string);
    byKey.set(key, plan);
  }
  return plan;
}

/** Cached plans of a form (for tests of the bound). */
export function planCount(form: CompiledForm): number {
  return plans.get(form)?.size ?? 0;
}
