import { createContext, useCallback, useContext, useSyncExternalStore } from "react";
import type { CompiledForm } from "../schema/compileForm";
import type { FormLogic } from "../schema/formLogic";
import type { FieldState } from "../schema/formState";
import type { Locale } from "../schema/types";
import type { NameStore } from "./nameStore";

/** Where a field sits in tabs and wizard pages, so the error summary can reveal it. */
export interface FieldLocation {
  /** JSON path of the tabs item → index of the tab holding the field. */
  tabs: Record<string, number>;
  /** Index of the wizard page, when the form is a wizard. */
  page?: number | undefined;
}

/** What every part of one rendered form shares (internal to the renderer). */
export interface FormRuntime {
  form: CompiledForm;
  logic: FormLogic;
  locale: Locale;
  /** IANA zone date-times are entered in (the evaluation environment's, default Asia/Shanghai). */
  timeZone: string;
  /** Prefix of element ids, unique per rendered form. */
  idPrefix: string;
  /** Tabs currently selected, by the tabs item's JSON path (the summary switches them). */
  selectTab(where: string, index: number): void;
  selectedTab(where: string): number;
  subscribeTabs(listener: () => void): () => void;
  goToPage?: ((page: number) => void) | undefined;
  /**
   * Tells the logic that `name` changed outside an input (rows added or removed: react-hook-form
   * does not report field-array operations to `watch`).
   */
  changed(name: string): void;
  locations: ReadonlyMap<string, FieldLocation>;
  /** Field values by react-hook-form name, notified per name. */
  values: NameStore<unknown>;
  /** Error messages (packed, see errorText) by name, notified per name. */
  errors: NameStore<string | undefined>;
  /** Stores a value typed into a field (validating it again once the form has been submitted). */
  setValue(name: string, value: unknown): void;
}

/** Carries the runtime of one rendered form to its fields. */
export const RuntimeContext = createContext<FormRuntime | null>(null);

/** The runtime of the enclosing form. */
export function useRuntime(): FormRuntime {
  const r = useContext(RuntimeContext);
  if (!r) throw new Error("form fields must be rendered inside <FormRenderer>");
  return r;
}

// The subscribe functions are memoized: a new one on every render would make React unsubscribe
// and subscribe again after each render of the field.

/**
 * The state of one field, re-rendering only when that field's state changes (not on every
 * keystroke elsewhere in the form).
 */
export function useFieldState(name: string): FieldState {
  const { logic } = useRuntime();
  const subscribe = useCallback((l: () => void) => logic.subscribe(name, l), [logic, name]);
  return useSyncExternalStore(subscribe, () => logic.state(name));
}

const noSubscription = () => () => {};
const nothing = () => undefined;

/**
 * A field's value, re-rendering only when that value changes. With `watch` false it neither
 * subscribes nor reads (gives undefined): for controls that keep the DOM in step themselves.
 */
export function useFieldValue(name: string, watch = true): unknown {
  const { values } = useRuntime();
  const subscribe = useCallback((l: () => void) => values.subscribe(name, l), [values, name]);
  const get = useCallback(() => values.get(name), [values, name]);
  return useSyncExternalStore(watch ? subscribe : noSubscription, watch ? get : nothing);
}

/** A field's error message (packed), re-rendering only when it changes. */
export function useFieldError(name: string): string | undefined {
  const { errors } = useRuntime();
  const subscribe = useCallback((l: () => void) => errors.subscribe(name, l), [errors, name]);
  return useSyncExternalStore(subscribe, () => errors.get(name));
}

/** Whether a layout item with a `visible` condition is shown. */
export function useLayoutVisible(where: string): boolean {
  const { logic } = useRuntime();
  const subscribe = useCallback((l: () => void) => logic.subscribe(where, l), [logic, where]);
  return useSyncExternalStore(subscribe, () => logic.layoutVisible(where));
}

/** The DOM id of a field's control (`items.2.amount` → `<prefix>-items-2-amount`). */
export function fieldId(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/\./g, "-")}`;
}
