import {
  ConflictError,
  DefinitionError,
  NotAuthorizedError,
  NotFoundError,
  SeparationOfDutiesError,
  ValidationError,
} from "@wf/engine";
import { StorageFullError, StoreClosedError } from "@wf/storage-dexie";
import type { LocalizedText } from "../i18n/I18nProvider.tsx";
import { type Said, said } from "../i18n/said.ts";

/**
 * What to tell the clerk about a refused or failed action. The engine's own messages are written
 * for developers (ids, English); the clerk gets a sentence in their language, and the details the
 * engine gives in both languages (rule and field messages, separation-of-duties text).
 */
export function explainError(
  error: unknown,
  /** The label of a form field path, so a field issue names the field the clerk sees. */
  labelOf: (path: string) => LocalizedText | undefined = () => undefined,
): Said {
  if (error instanceof SeparationOfDutiesError) {
    // The engine writes "<en> / <zh> (step …)"; the two halves are the definition's own words.
    const [en = error.message, rest = ""] = error.message.split(" / ");
    const zh = rest.replace(/ \(step .*\)$/, "");
    return said("why.sod", { message: { zh: zh || en, en } });
  }
  if (error instanceof NotAuthorizedError) return said("error.notAuthorized");
  if (error instanceof ValidationError) {
    return said(
      "error.validation",
      undefined,
      error.issues
        .filter((i) => i.severity === "block")
        .map((i) => {
          const label = i.field ? labelOf(i.field) : undefined;
          if (!label) return i.message;
          return { zh: `${label.zh}:${i.message.zh}`, en: `${label.en ?? label.zh}: ${i.message.en}` };
        }),
    );
  }
  if (error instanceof ConflictError) return said("error.conflict");
  if (error instanceof NotFoundError) return said("error.notFound");
  if (error instanceof DefinitionError) {
    return said(
      "error.definition",
      undefined,
      error.issues.map((i) => ({ zh: `${i.path}: ${i.message}`, en: `${i.path}: ${i.message}` })),
    );
  }
  if (error instanceof StorageFullError) return said("error.storageFull");
  if (error instanceof StoreClosedError) return said("error.closed");
  const message = error instanceof Error ? error.message : String(error);
  return said("error.unexpected", { message });
}
