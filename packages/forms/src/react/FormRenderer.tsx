import {
  type ReactNode,
  type Ref,
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from "react";
import { FormProvider, useForm } from "react-hook-form";
import type { CompiledForm } from "../schema/compileForm";
import type { WizardJson } from "../schema/formJson";
import { createFormLogic } from "../schema/formLogic";
import { type FormContext, initialValues } from "../schema/formState";
import { localize } from "../schema/messages";
import type { FieldIssue, FieldPermissions, FormValues, Locale, LocalText } from "../schema/types";
import { parseFormValues } from "../schema/validateForm";
import { ErrorSummary } from "./ErrorSummary";
import { ErrorsBridge } from "./ErrorsBridge";
import { packMessage } from "./errorText";
import { FormView } from "./FormView";
import { fieldLocations, pageFieldKeys } from "./fieldLocations";
import { createFormResolver, issueName, toFieldErrors } from "./formResolver";
import { type FormRuntime, fieldId, RuntimeContext } from "./formRuntime";
import { FieldList } from "./Layout";
import { createMapStore, createNameStore } from "./nameStore";
import { uiText } from "./uiText";
import { useDraft } from "./useDraft";

/**
 * What a host can do with an editable form from outside it (`<FormRenderer ref={handle} />`), for
 * hosts with their own buttons (a task's outcome buttons) and `hideSubmit`.
 */
export interface FormRendererHandle {
  /**
   * Validate and submit as the submit button would: on success `onSubmit` runs (and is awaited)
   * and the promise gives `true`; otherwise the error summary shows, takes focus, and it gives
   * `false`. Works on any wizard page (the whole form is checked).
   */
  submit(): Promise<boolean>;
  /** The current values (including calculated ones), unvalidated, e.g. for a draft. */
  values(): FormValues;
}

/** Props of FormRenderer. Keep `form`, `permissions` and `context` stable between renders (memoize them). */
export interface FormRendererProps {
  form: CompiledForm;
  /** Saved values or a draft to start from; new forms start from defaults. */
  values?: FormValues | undefined;
  /** The step's field permissions (hidden, readonly, editable, required). */
  permissions?: FieldPermissions | undefined;
  /** zh-CN by default. */
  locale?: Locale | undefined;
  /** Clock, case data (`data` in expressions) and directory check. */
  context?: FormContext | undefined;
  /** Called with the values to store (hidden and read-only fields left out) after validation passes. */
  onSubmit?: ((values: FormValues) => void | Promise<void>) | undefined;
  /** Autosave: called with the current values after typing pauses, and on page hide/unmount. */
  onDraft?: ((values: FormValues) => void) | undefined;
  draftDelay?: number | undefined;
  /** Show the read-only (print) view instead of inputs. */
  readOnly?: boolean | undefined;
  /** In the read-only view, offer a print button. */
  printButton?: boolean | undefined;
  submitLabel?: LocalText | undefined;
  /**
   * Leave out the submit button when the host submits the form itself from its own buttons,
   * through `ref` (`handle.submit()`) or `requestSubmit()` on the `<form>` element.
   */
  hideSubmit?: boolean | undefined;
  /** Receives a {@link FormRendererHandle} (editable form only; `null` in the read-only view). */
  ref?: Ref<FormRendererHandle | null> | undefined;
  /**
   * Problems found elsewhere (the engine refused the submission): shown on their fields and in
   * the error summary, which takes focus. Pass a new array to show them again.
   */
  issues?: readonly (Pick<FieldIssue, "path" | "message"> & { rule?: string | undefined })[] | undefined;
  /** Extra buttons beside submit (outcomes of the step, cancel …). */
  actions?: ReactNode;
}

/**
 * Renders a compiled form with react-hook-form: one subscription per field, calculated values
 * and conditions recomputed only when their inputs change, an error summary that takes focus,
 * wizard pages, drafts, and a read-only view.
 * @example <FormRenderer form={compileForm(json)} locale="zh-CN" onSubmit={save} onDraft={keepDraft} />
 */
export function FormRenderer(props: FormRendererProps) {
  if (props.readOnly)
    return (
      <FormView
        form={props.form}
        values={props.values ?? {}}
        permissions={props.permissions}
        locale={props.locale}
        context={props.context}
        printButton={props.printButton}
      />
    );
  return <EditableForm {...props} />;
}

function EditableForm(props: FormRendererProps) {
  const { form, permissions } = props;
  const locale = props.locale ?? "zh-CN";
  const ctx = props.context ?? {};
  const t = uiText(locale);
  const idPrefix = `wf${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  // The form opens once with its saved values; later prop changes of values/context do not reset
  // what the person is typing (give the component a new key to start over).
  // biome-ignore lint/correctness/useExhaustiveDependencies: opened once per form
  const start = useMemo(() => initialValues(form, ctx, props.values), [form]);
  const methods = useForm<FormValues>({
    defaultValues: start,
    resolver: createFormResolver(form, permissions, ctx),
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
  // New permissions (the same form at another step) rebuild the logic from what is typed now.
  // biome-ignore lint/correctness/useExhaustiveDependencies: context is read when the form opens
  const logic = useMemo(
    () => createFormLogic(form, methods.getValues(), { ...ctx, permissions }),
    [form, start, permissions, methods],
  );
  // Values and errors reach fields through per-name stores (see nameStore): after the first
  // submit attempt, a change validates again, as reValidateMode "onChange" would.
  const submitted = useRef(false);
  const values = useMemo(() => createNameStore((name) => methods.getValues(name)), [methods]);
  const errors = useMemo(() => createMapStore<string>(), []);
  const schedule = useDraft(props.onDraft, props.draftDelay);
  const summary = useRef<HTMLDivElement>(null);
  const [showSummary, setShowSummary] = useState(0);

  // Tabs selection lives outside React state so the summary can switch a tab and focus a field.
  const tabs = useRef(new Map<string, number>());
  const tabListeners = useRef(new Set<() => void>());
  const wizard =
    form.json.fields.length === 1 && form.json.fields[0]?.type === "wizard"
      ? (form.json.fields[0] as WizardJson)
      : undefined;
  const [page, setPage] = useState(0);
  const locations = useMemo(() => fieldLocations(form.json), [form]);

  const runtime: FormRuntime = useMemo(
    () => ({
      form,
      logic,
      locale,
      timeZone: ctx.env?.timeZone ?? "Asia/Shanghai",
      idPrefix,
      locations,
      selectTab(where, index) {
        tabs.current.set(where, index);
        for (const l of tabListeners.current) l();
      },
      selectedTab: (where) => tabs.current.get(where) ?? 0,
      subscribeTabs(l) {
        tabListeners.current.add(l);
        return () => tabListeners.current.delete(l);
      },
      goToPage: setPage,
      changed: (name) => {
        changed.current(methods.getValues(), name);
        values.notify(name);
      },
      values,
      errors,
      setValue: (name, value) =>
        methods.setValue(name, value, { shouldDirty: true, shouldValidate: submitted.current }),
    }),
    [form, logic, locale, idPrefix, locations, ctx.env?.timeZone, methods, values, errors],
  );

  // Every change goes through the logic: it recomputes only the calculations and conditions
  // reading the changed field, and hands back calculated values to store.
  const changed = useRef((_values: FormValues, _name?: string) => {});
  changed.current = (values, name) => {
    const writes = logic.update(values, name);
    for (const w of writes) methods.setValue(w.name, w.value, { shouldDirty: true });
    schedule(logic.values());
  };
  useEffect(() => {
    // Once at open: calculations that read an answer hidden by a chained condition take the
    // value the schema will store (see createFormLogic); no draft is saved for it.
    if (logic.chained)
      for (const w of logic.update(methods.getValues())) {
        methods.setValue(w.name, w.value);
        values.notify(w.name);
      }
    const sub = methods.watch((all, { name }) => {
      changed.current(all as FormValues, name);
      if (name === undefined) values.notifyAll();
      else values.notify(name);
    });
    return () => sub.unsubscribe();
  }, [methods, values, logic]);

  // Saved data of the wrong type (or a choice no longer offered) is reported on its field as soon
  // as the form opens; missing answers wait for the first submit.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the values the form opened with
  useEffect(() => {
    if (!props.values) return;
    const r = parseFormValues(form, start, permissions, ctx);
    const typeIssues = r.ok ? [] : r.issues.filter((i) => i.rule === "type" || i.rule === "option");
    const errors = toFieldErrors(form, typeIssues);
    for (const [name, e] of Object.entries(errors))
      if (e && "message" in e) methods.setError(name, e as never);
  }, []);

  // Issues from the host (the engine's verdict) land on their fields like the schema's own.
  // biome-ignore lint/correctness/useExhaustiveDependencies: shown again only for a new array
  useEffect(() => {
    if (!props.issues || props.issues.length === 0) return;
    const seen = new Set<string>();
    for (const issue of props.issues) {
      const name = issueName(form, issue.path);
      if (seen.has(name)) continue;
      seen.add(name);
      methods.setError(name, { type: issue.rule ?? "host", message: packMessage(issue.message) });
    }
    setShowSummary((n) => n + 1);
  }, [props.issues]);

  // A new wizard page is announced by moving focus to its heading (not on the first render).
  const pageShown = useRef(page);
  useEffect(() => {
    if (pageShown.current === page) return;
    pageShown.current = page;
    if (!summary.current) document.getElementById(`${idPrefix}-page`)?.focus();
  }, [page, idPrefix]);

  useEffect(() => {
    if (showSummary > 0) summary.current?.focus();
  }, [showSummary]);

  const goTo = (name: string) => {
    const top = name.split(".")[0] ?? name;
    const loc = locations.get(top);
    if (loc?.page !== undefined) setPage(loc.page);
    for (const [where, index] of Object.entries(loc?.tabs ?? {})) runtime.selectTab(where, index);
    // Wait for the page or tab to render before focusing.
    setTimeout(() => {
      const el = document.getElementById(fieldId(idPrefix, name));
      const inner =
        el?.tagName === "FIELDSET" ||
        el?.getAttribute("role") === "radiogroup" ||
        el?.getAttribute("role") === "group";
      (inner ? el?.querySelector<HTMLElement>("input") : el)?.focus();
    }, 0);
  };

  const submit = (e?: React.BaseSyntheticEvent) => {
    submitted.current = true;
    return handleSubmit(e);
  };
  const handleSubmit = methods.handleSubmit(
    async (values) => {
      setShowSummary(0);
      await props.onSubmit?.(values);
    },
    () => setShowSummary((n) => n + 1),
  );

  const onSubmitRef = useRef(props.onSubmit);
  onSubmitRef.current = props.onSubmit;
  useImperativeHandle(
    props.ref,
    () => ({
      async submit() {
        submitted.current = true;
        let ok = false;
        await methods.handleSubmit(
          async (values) => {
            ok = true;
            setShowSummary(0);
            await onSubmitRef.current?.(values);
          },
          () => setShowSummary((n) => n + 1),
        )();
        return ok;
      },
      values: () => logic.values(),
    }),
    [methods, logic],
  );

  const next = async () => {
    if (!wizard) return;
    const keys = pageFieldKeys(wizard.pages[page]?.fields ?? []);
    submitted.current = true;
    const ok = await methods.trigger(keys);
    if (ok) {
      setShowSummary(0);
      setPage((p) => p + 1);
    } else setShowSummary((n) => n + 1);
  };

  const lastPage = !wizard || page === wizard.pages.length - 1;
  return (
    <RuntimeContext.Provider value={runtime}>
      <FormProvider {...methods}>
        <ErrorsBridge store={errors} />
        <form
          className="wf-form"
          noValidate
          onSubmit={submit}
          lang={locale === "en" ? "en" : "zh-CN"}
          aria-labelledby={`${idPrefix}-title`}
        >
          <h2 id={`${idPrefix}-title`}>{localize(form.json.title, locale)}</h2>
          {showSummary > 0 && <ErrorSummary ref={summary} onGo={goTo} />}
          {wizard ? (
            <section aria-labelledby={`${idPrefix}-page`}>
              <h3 id={`${idPrefix}-page`} tabIndex={-1}>
                {localize(wizard.pages[page]?.title, locale)}{" "}
                <small>({t.page(page + 1, wizard.pages.length)})</small>
              </h3>
              <FieldList
                key={page}
                fields={wizard.pages[page]?.fields ?? []}
                where={`fields[0].pages[${page}].fields`}
              />
            </section>
          ) : (
            <FieldList fields={form.json.fields} where="fields" />
          )}
          <div className="wf-actions">
            {wizard && page > 0 && (
              <button type="button" onClick={() => setPage((p) => p - 1)}>
                {t.back}
              </button>
            )}
            {lastPage ? (
              !props.hideSubmit && (
                <button type="submit">
                  {props.submitLabel ? localize(props.submitLabel, locale) : t.submit}
                </button>
              )
            ) : (
              <button type="button" onClick={() => void next()}>
                {t.next}
              </button>
            )}
            {props.actions}
          </div>
        </form>
      </FormProvider>
    </RuntimeContext.Provider>
  );
}
