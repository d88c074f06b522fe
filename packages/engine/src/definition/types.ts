import type { z } from "zod";
import type {
  AssigneeSchema,
  BranchSchema,
  DataFieldSchema,
  DefinitionSchema,
  DurationSchema,
  OrgRefSchema,
  OutcomeSchema,
  StepSchema,
} from "./schema";

/** A validated workflow definition (see the package README for the language reference). */
export type Definition = z.infer<typeof DefinitionSchema>;
/** Any step of a definition, discriminated by `kind`. */
export type Step = z.infer<typeof StepSchema>;
/** The step kinds. */
export type StepKind = Step["kind"];
/** A step of one kind. */
export type StepOf<K extends StepKind> = Extract<Step, { kind: K }>;
/** One branch of a parallel step. */
export type Branch = z.infer<typeof BranchSchema>;
/** An outcome (button) of a task. */
export type Outcome = z.infer<typeof OutcomeSchema>;
/** A duration in calendar or working days. */
export type Duration = z.infer<typeof DurationSchema>;
/** Where a role is wanted in the org tree. */
export type OrgRef = z.infer<typeof OrgRefSchema>;
/** Who a task is offered to. */
export type Assignee = z.infer<typeof AssigneeSchema>;
/** A typed case-data field. */
export type DataField = z.infer<typeof DataFieldSchema>;
