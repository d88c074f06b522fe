import type { DesignForm, LocalText } from "../form/formTypes.ts";
import type { DesignDefinition } from "./workflowTypes.ts";

/**
 * An empty procedure to design from nothing: no roles, no steps. The designer's checks list
 * what it still needs (who may start it, a first step) until the author has added it.
 */
export function newDefinition(id: string, title: LocalText): DesignDefinition {
  return { id, version: 1, title, roles: [], start: { roles: [] }, initial: "", steps: {} };
}

/** An empty form to design from nothing. */
export function newForm(id: string, title: LocalText): DesignForm {
  return { id, version: 1, title, fields: [] };
}
