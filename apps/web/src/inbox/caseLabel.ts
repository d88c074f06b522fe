import type { InstanceRecord } from "@wf/engine";
import type { LocalizedText } from "../i18n/I18nProvider.tsx";
import type { OrgIndex } from "../org/orgCatalog.ts";

/**
 * A short human name for a case: who it is about and which village, as far as the data says.
 * Case data keys differ per procedure, so this reads the common ones the shipped definitions use.
 */
export function caseLabel(instance: InstanceRecord | undefined, org: OrgIndex): LocalizedText | undefined {
  if (!instance) return undefined;
  const data = instance.data;
  const parts: LocalizedText[] = [];
  const personId = instance.subject ?? str(data.candidateId) ?? str(data.firstSecretaryId);
  const person = personId ? org.person(personId) : undefined;
  if (person) parts.push(person.name);
  else {
    const name = nested(data, "registration", "name") ?? nested(data, "candidate", "name");
    if (name) parts.push({ zh: name, en: name });
  }
  const villageId = str(data.villageId);
  const village = villageId ? org.unit(villageId) : undefined;
  if (village) parts.push(village.name);
  if (parts.length === 0) return undefined;
  return {
    zh: parts.map((p) => p.zh).join(" · "),
    en: parts.map((p) => p.en ?? p.zh).join(" · "),
  };
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

function nested(data: Record<string, unknown>, key: string, field: string): string | undefined {
  const inner = data[key];
  return inner && typeof inner === "object" ? str((inner as Record<string, unknown>)[field]) : undefined;
}
