import { z } from "zod";

/**
 * The workflow definition language as zod schemas. This file is the single source of truth:
 * TypeScript types are inferred from it and `definition.schema.json` is generated from it.
 * Cross-references (targets, roles, rules, expressions) are checked afterwards by
 * `checkDefinition`, because they need the whole definition.
 */

const text = (what: string) => z.string().min(1, `${what} must not be empty`);

/** `{ zh, en }` text. */
const LocalizedTextSchema = z
  .object({ zh: text("zh text"), en: text("en text") })
  .strict()
  .describe("Text in Chinese and English");

/** An expression in the `@wf/expr` language. */
const ExprSchema = text("an expression").describe("An expression in the @wf/expr language");

const amount = z.union([z.number().int().min(0), ExprSchema]);

/** Calendar days or working days (against the definition's holiday calendar). */
export const DurationSchema = z.union([
  z.object({ days: amount }).strict(),
  z.object({ workingDays: amount }).strict(),
]);

/** Org levels, highest first. */
const ORG_LEVELS = ["city", "county", "township", "village"] as const;

/** Where in the org tree a role is wanted: from a unit, up to a level, down to a child type. */
export const OrgRefSchema = z.union([
  z
    .object({
      from: ExprSchema.describe("Expression giving an org unit id (or `item` in a multiTask)"),
      up: z.enum(ORG_LEVELS).optional(),
      child: text("child unit type").optional(),
    })
    .strict(),
  z.object({ unit: text("unit id") }).strict(),
]);

/** Who a task is offered to. */
export const AssigneeSchema = z.union([
  z.object({ role: text("role"), at: OrgRefSchema }).strict(),
  z.object({ person: ExprSchema.describe("Expression giving a person id") }).strict(),
]);

/** One outcome (button) of a task. */
export const OutcomeSchema = z
  .object({
    label: LocalizedTextSchema,
    to: text("target step").optional(),
    opinion: z.enum(["none", "optional", "required"]).optional(),
    confirm: z.boolean().optional(),
    when: ExprSchema.optional().describe("Only offered/accepted when this expression is true"),
    set: z.record(z.string(), ExprSchema).optional(),
    checks: z
      .boolean()
      .optional()
      .describe(
        "Run the step's form validation and checks for this outcome (default: unless it goes to an end step)",
      ),
  })
  .strict();

const Permission = z.enum(["hidden", "readonly", "editable", "required"]);

/** A form shown at a task, with per-step field permissions. */
export const FormBindingSchema = z
  .object({
    ref: text("form id"),
    into: text("data key").optional().describe("Data key the submitted form is stored under"),
    fields: z.record(z.string(), Permission).optional(),
    default: Permission.optional(),
  })
  .strict();

/** A due time on a task: remind before it, escalate to another role when it passes. */
const DeadlineSchema = z
  .object({
    after: DurationSchema,
    remind: z.object({ before: DurationSchema }).strict().optional(),
    escalate: z
      .object({ role: text("role"), at: OrgRefSchema })
      .strict()
      .optional(),
  })
  .strict();

const title = LocalizedTextSchema.optional();
const Completion = z.union([
  z.literal("all"),
  z.literal("any"),
  z.object({ atLeast: z.number().int().min(1) }).strict(),
]);

const UserTask = z
  .object({
    kind: z.literal("userTask"),
    title,
    assignee: AssigneeSchema,
    form: FormBindingSchema.optional(),
    checks: z.array(text("rule name")).optional(),
    deadline: DeadlineSchema.optional(),
    timeout: z
      .object({ after: DurationSchema, outcome: text("outcome") })
      .strict()
      .optional(),
    outcomes: z.record(z.string(), OutcomeSchema),
  })
  .strict();

const Auto = z
  .object({
    kind: z.literal("auto"),
    title,
    set: z.record(z.string(), ExprSchema).optional(),
    choose: z.array(z.object({ when: ExprSchema, to: text("target step") }).strict()).optional(),
    otherwise: text("target step"),
  })
  .strict();

const Timer = z
  .object({
    kind: z.literal("timer"),
    title,
    after: DurationSchema.optional(),
    until: ExprSchema.optional().describe("Expression giving a date or date-time"),
    to: text("target step"),
  })
  .strict();

const MultiTask = z
  .object({
    kind: z.literal("multiTask"),
    title,
    over: ExprSchema.describe("Expression giving the list of items (one task each)"),
    assignee: AssigneeSchema,
    form: FormBindingSchema.optional(),
    checks: z.array(text("rule name")).optional(),
    deadline: DeadlineSchema.optional(),
    outcomes: z.record(z.string(), OutcomeSchema),
    complete: Completion,
    veto: z
      .object({ outcome: text("outcome"), to: text("target step") })
      .strict()
      .optional(),
    approve: z
      .array(text("outcome"))
      .optional()
      .describe("Outcomes that count toward atLeast (default: every outcome but the veto)"),
    otherwise: text("target step")
      .optional()
      .describe("Where to go when atLeast can no longer be reached (required with atLeast)"),
    addSigners: z
      .object({ roles: z.array(text("role")) })
      .strict()
      .optional(),
    collect: text("data key").optional(),
    to: text("target step"),
  })
  .strict();

const SubProcess = z
  .object({
    kind: z.literal("subProcess"),
    title,
    definition: text("definition id"),
    version: z.number().int().min(1).optional(),
    input: z.record(z.string(), ExprSchema).optional(),
    /** Who the child case is started as (default: the parent's starter). */
    starter: z.object({ person: ExprSchema, unit: ExprSchema }).strict().optional(),
    wait: z.boolean(),
    outcomeInto: text("data key").optional(),
    to: text("target step"),
  })
  .strict();

const End = z
  .object({
    kind: z.literal("end"),
    title,
    outcome: text("outcome code"),
    reason: LocalizedTextSchema.optional(),
  })
  .strict();

/** One region of a parallel step: its own initial step and steps. */
export const BranchSchema = z
  .object({
    initial: text("initial step"),
    get steps() {
      return z.record(z.string(), StepSchema);
    },
  })
  .strict();

const Parallel = z
  .object({
    kind: z.literal("parallel"),
    title,
    branches: z.record(z.string(), BranchSchema),
    join: Completion,
    to: text("target step"),
  })
  .strict();

/** Any step, discriminated by `kind`. */
export const StepSchema = z.discriminatedUnion("kind", [
  UserTask,
  Auto,
  Timer,
  MultiTask,
  Parallel,
  SubProcess,
  End,
]);

const DATA_TYPES = [
  "string",
  "number",
  "boolean",
  "date",
  "datetime",
  "person",
  "orgUnit",
  "object",
  "list",
  "any",
] as const;

/** A typed case-data field (the scope `data` in expressions). */
export const DataFieldSchema = z
  .object({
    type: z.enum(DATA_TYPES),
    get fields() {
      return z.record(z.string(), DataFieldSchema).optional();
    },
    get of() {
      return DataFieldSchema.optional();
    },
    open: z.boolean().optional(),
    default: z.unknown().optional(),
  })
  .strict();

/** A named check used by steps' `checks`. */
const RuleSchema = z
  .object({
    when: ExprSchema.describe("Passes when true"),
    message: LocalizedTextSchema,
    severity: z.enum(["block", "warn", "info"]),
  })
  .strict();

/** A separation-of-duties rule. */
const SeparationSchema = z
  .object({
    steps: z.array(text("step id")).min(1),
    notBy: z.union([
      z.literal("subject"),
      z.literal("starter"),
      z.object({ actorOf: text("step id") }).strict(),
    ]),
    message: LocalizedTextSchema,
  })
  .strict();

/** A whole workflow definition. */
export const DefinitionSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case, e.g. first-secretary-selection"),
    version: z.number().int().min(1),
    title: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    roles: z.array(text("role")),
    calendar: text("calendar id").optional(),
    start: z.object({ roles: z.array(text("role")).min(1) }).strict(),
    subject: ExprSchema.optional(),
    data: z.record(z.string(), DataFieldSchema).optional(),
    rules: z.record(z.string(), RuleSchema).optional(),
    separationOfDuties: z.array(SeparationSchema).optional(),
    cancel: z
      .object({ roles: z.array(text("role")) })
      .strict()
      .optional(),
    initial: text("initial step"),
    steps: z.record(z.string(), StepSchema),
  })
  .strict();
