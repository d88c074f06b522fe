import { z } from "zod";

const expectedError = z
  .object({
    name: z.string().min(1).describe("the error class, e.g. SeparationOfDutiesError"),
    rule: z.string().optional().describe("for a ValidationError: the rule id that must be among its issues"),
  })
  .strict();

const start = z
  .object({
    type: z.literal("start"),
    actor: z.string().min(1),
    unit: z.string().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
    expectError: expectedError.optional(),
  })
  .strict();

const act = z
  .object({
    type: z.literal("act"),
    actor: z.string().min(1),
    unit: z.string().optional(),
    step: z.string().min(1),
    outcome: z.string().min(1),
    item: z.unknown().optional(),
    form: z.unknown().optional(),
    opinion: z.string().optional(),
    definition: z.string().optional(),
    expectError: expectedError.optional(),
  })
  .strict();

const tick = z.object({ type: z.literal("tick"), at: z.iso.datetime({ offset: true }) }).strict();

const expectation = z
  .object({
    type: z.literal("expect"),
    definition: z.string().optional(),
    step: z.union([z.string(), z.array(z.string())]).optional(),
    status: z.enum(["running", "completed", "cancelled"]).optional(),
    outcome: z.string().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
    children: z
      .array(
        z.object({ definition: z.string(), data: z.record(z.string(), z.unknown()).optional() }).strict(),
      )
      .optional(),
  })
  .strict();

/** The scenario script format run by `wf simulate` and by the procedures' tests (see packages/cli/README.md). */
export const ScenarioSchema = z
  .object({
    $schema: z.string().optional(),
    $comment: z.string().optional(),
    id: z.string().min(1),
    title: z.object({ zh: z.string(), en: z.string() }).optional(),
    definition: z.string().min(1).describe("id of the definition the case starts"),
    clock: z.iso.datetime({ offset: true }).describe("the injected clock at the start"),
    actions: z.array(z.discriminatedUnion("type", [start, act, tick, expectation])),
  })
  .strict();

/** A scenario script. */
export type Scenario = z.infer<typeof ScenarioSchema>;
/** One action of a scenario script. */
export type ScenarioAction = Scenario["actions"][number];
/** The refusal an action must meet. */
export type ExpectedError = z.infer<typeof expectedError>;
