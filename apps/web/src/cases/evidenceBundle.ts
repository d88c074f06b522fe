import type { AuditEvent, InstanceRecord, VerifyResult } from "@wf/engine";
import { calendars } from "@wf/workflows";
import type { AppServices } from "../engine/appServices.ts";
import { findStep } from "../task/findStep.ts";

/** The form a clerk submitted at a step, as the audit log recorded it. */
export interface SubmittedForm {
  seq: number;
  step: string;
  ref: string | undefined;
  /** The version of the form the case pinned when it started (absent: cases from before pins). */
  version?: number | undefined;
  values: Record<string, unknown>;
}

/**
 * Everything an administrative review of a case needs in one file: the case, every decision and
 * opinion, each form as it was submitted, the exact definition version and holiday calendar the
 * case ran on, and whether the audit chain verifies.
 */
export interface EvidenceBundle {
  format: "wf-evidence/1";
  generatedAt: string;
  instance: Omit<InstanceRecord, "snapshot">;
  definition: unknown;
  definitionHash: string;
  calendar: unknown;
  forms: unknown[];
  events: AuditEvent[];
  submittedForms: SubmittedForm[];
  chain: VerifyResult;
  linkedCases: { id: string; relation: "parent" | "child"; definitionId: string; status: string }[];
}

/** The forms submitted in a case, in log order, with the form ref of their step. */
export function submittedForms(
  services: AppServices,
  instance: InstanceRecord,
  events: AuditEvent[],
): SubmittedForm[] {
  const definition = services.definition(instance.definitionId, instance.definitionVersion);
  const out: SubmittedForm[] = [];
  for (const e of events) {
    const form = (e.payload as { form?: unknown }).form;
    if (e.type !== "acted" || !form || typeof form !== "object") continue;
    const step = findStep(definition, e.step);
    const ref = step && "form" in step ? step.form?.ref : undefined;
    const version = ref === undefined ? undefined : instance.forms?.[ref];
    out.push({ seq: e.seq, step: e.step, ref, version, values: form as Record<string, unknown> });
  }
  return out;
}

/** Builds the bundle of a case from the store (the definition as stored, not as shipped). */
export async function evidenceBundle(
  services: AppServices,
  instance: InstanceRecord,
  events: AuditEvent[],
  chain: VerifyResult,
  linked: { c: InstanceRecord; relation: "parent" | "child" }[],
): Promise<EvidenceBundle> {
  const stored = await services.store.loadDefinition(instance.definitionId, instance.definitionVersion);
  const definition = services.definition(instance.definitionId, instance.definitionVersion);
  const forms = submittedForms(services, instance, events);
  // Each form in the version the case pinned, once per ref@version.
  const refs = new Map<string, { ref: string; version?: number | undefined }>();
  for (const f of forms)
    if (f.ref !== undefined) refs.set(`${f.ref}@${f.version ?? ""}`, { ref: f.ref, version: f.version });
  const { snapshot: _snapshot, ...record } = instance;
  return {
    format: "wf-evidence/1",
    generatedAt: services.clock(),
    instance: record,
    definition: stored?.definition,
    definitionHash: instance.definitionHash,
    calendar: definition?.calendar ? (calendars[definition.calendar] ?? null) : null,
    forms: [...refs.values()].map((ref) => services.forms.form(ref).json),
    events,
    submittedForms: forms,
    chain,
    linkedCases: linked.map(({ c, relation }) => ({
      id: c.id,
      relation,
      definitionId: c.definitionId,
      status: c.status,
    })),
  };
}

/** Offers a JSON file for download (a Blob URL: nothing leaves the device). */
export function downloadJson(name: string, value: unknown): void {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
