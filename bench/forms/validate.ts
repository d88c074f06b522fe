/**
 * Server-side form validation: the submissions of the shipped selection's happy path
 * (workflows/scenarios/fs-happy-path.json), each validated as the engine does it — through
 * `createFormValidator(...).validate` with the step's form version, permissions and a context
 * (clock, directory) — in µs per validate. Baseline: a hand-written zod 4 object schema of the
 * same fields with the same static checks (types, required, lengths, options, ranges, ID
 * checksum, directory look-ups) but no conditions engine, so the ratio says how far above plain
 * zod the form language costs.
 */
import { readFileSync } from "node:fs";
import { residentIdCheckChar } from "@wf/expr";
import { createFormValidator, type FieldPermission, type FieldPermissions } from "@wf/forms";
import { catalogDirectory, definitions, forms, orgPeople, orgUnits } from "@wf/workflows";
import { type ZodType, z } from "zod";
import { median, now, report, reportBaseline, size } from "../lib/measure";

interface Act {
  type: string;
  step?: string;
  form?: Record<string, unknown>;
}
const scenario = JSON.parse(
  readFileSync(new URL("../../workflows/scenarios/fs-happy-path.json", import.meta.url), "utf8"),
) as { definition: string; clock: string; actions: Act[] };
type StepForm = { ref: string; fields?: Record<string, FieldPermission>; default?: FieldPermission };
const definition = definitions.find((d) => (d as { id: string }).id === scenario.definition) as {
  steps: Record<string, { form?: StepForm }>;
};

/** One submission as the engine's checkSubmission hands it to the port. */
interface Submission {
  step: string;
  ref: string;
  permissions: FieldPermissions;
  values: Record<string, unknown>;
}
const submissions: Submission[] = scenario.actions.flatMap((a) => {
  const form = a.step === undefined ? undefined : definition.steps[a.step]?.form;
  if (a.type !== "act" || !form || a.form === undefined) return [];
  const permissions = { fields: form.fields ?? {}, default: form.default ?? "editable" };
  return [{ step: a.step!, ref: form.ref, permissions, values: a.form }];
});

const directory = catalogDirectory(orgUnits, orgPeople);
const exists = (kind: "person" | "unit", id: string) =>
  kind === "unit" ? !!directory.unit(id) : !!directory.person(id);
const validator = createFormValidator(forms, {
  context: () => ({ env: { now: scenario.clock }, exists }),
});

// ---- baseline: the same forms' fields as plain zod, written by hand --------------------------

const today = scenario.clock.slice(0, 10);
const person = z
  .string()
  .min(1)
  .refine((id) => exists("person", id));
const unit = z
  .string()
  .min(1)
  .refine((id) => exists("unit", id));
const text = (min = 1, max?: number) =>
  max === undefined ? z.string().min(min) : z.string().min(min).max(max);
const date = z.iso.date();
const pastDate = date.refine((d) => d <= today);
const idCard = z
  .string()
  .regex(/^\d{17}[\dX]$/)
  .refine(
    (s) => residentIdCheckChar(s.slice(0, 17)) === s[17] && s.slice(6, 14) <= today.replaceAll("-", ""),
  );
const decimals = (scale: number) => (n: number) => Number.isInteger(n * 10 ** scale);
const villageTypes = z.enum(["脱贫村", "乡村振兴任务重", "软弱涣散", "矛盾集中"]);

const baseline: Record<string, ZodType> = {
  "fs-application": z.object({
    personId: person,
    name: text(1, 20),
    idNumber: idCard,
    gender: z.enum(["男", "女"]).optional(),
    unitId: unit,
    category: z.enum(["party-mass", "government", "political-legal", "health-construction-agriculture"]),
    rank: z.enum(["正科", "副科", "科员", "其他"]),
    healthy: z.boolean().optional(),
    partyStatus: z.enum(["正式党员", "预备党员", "群众"]),
    partyJoinDate: pastDate.optional(),
    workStartDate: pastDate,
    townshipExperienceYears: z.number().min(0).max(50).refine(decimals(1)).optional(),
    workHistory: z
      .array(z.object({ from: date, to: date.optional(), unit: text(), post: z.string().optional() }))
      .optional(),
    ruralExpertise: z.boolean().optional(),
    expertiseNote: z.string().optional(),
    preferredVillageType: villageTypes.optional(),
    intention: text(10, 1000),
  }),
  "fs-unit-recommendation": z.object({
    decisionDate: date,
    opinion: text(10),
    attachments: z
      .array(
        z.object({
          id: z.string().min(1),
          name: z.string(),
          size: z.number().int().min(0),
          type: z.string(),
        }),
      )
      .max(5)
      .optional(),
  }),
  "fs-qualification-review": z.object({
    materialsComplete: z.boolean().optional(),
    corrections: z.string().optional(),
    reviewNote: z.string().optional(),
  }),
  "fs-inspection-report": z.object({
    inspectionDate: date,
    interviewees: z.number().int().min(1),
    politicalQuality: z.enum(["好", "较好", "一般", "差"]),
    conclusion: z.enum(["合格", "不合格"]),
    report: text(20),
  }),
  // The step hides villageType and villageProblem: a plain schema leaves them out.
  "fs-village-matching": z.object({ villageId: unit, rationale: text(10) }),
  "fs-standing-committee-decision": z.object({
    meetingDate: date,
    meetingNo: z.string().optional(),
    minutes: z.string().optional(),
  }),
  "fs-dispatch": z.object({ termStart: date, filingNo: text(), liaison: z.string().optional() }),
};

// ---- measurement ----------------------------------------------------------------------------

const reps = size(2_000, 200);
const perRound = reps * submissions.length;

function ours(): void {
  for (let r = 0; r < reps; r++)
    for (const s of submissions) {
      const issues = validator.validate(s.ref, s.values, s.permissions);
      if (issues.length > 0) throw new Error(`${s.step}: ${JSON.stringify(issues)}`);
    }
}

function plainZod(): void {
  for (let r = 0; r < reps; r++)
    for (const s of submissions) {
      const schema = baseline[s.ref];
      if (!schema) throw new Error(`no baseline schema for ${s.ref}`);
      const res = schema.safeParse(s.values);
      if (!res.success) throw new Error(`${s.step}: ${res.error.message}`);
    }
}

/** µs per validate of one round. */
function round(fn: () => void): number {
  const t0 = now();
  fn();
  return ((now() - t0) * 1000) / perRound;
}

// Warm-up (JIT, compiled-form caches), then rounds alternating between the two, so a change in
// the machine's load hits both alike.
round(ours);
round(plainZod);
const times = { ours: [] as number[], zod: [] as number[] };
for (let i = 0; i < size(15, 5); i++) {
  times.zod.push(round(plainZod));
  times.ours.push(round(ours));
}
const zodUs = median(times.zod);
const oursUs = median(times.ours);
console.error(
  `# ${submissions.length} submissions (${submissions.map((s) => s.step).join(", ")}), ${reps} reps a round`,
);
reportBaseline("forms.validate.zod", zodUs, "us/validate");
process.env.BENCH_PRIOR = JSON.stringify({
  ...JSON.parse(process.env.BENCH_PRIOR ?? "{}"),
  "forms.validate.zod": { value: zodUs, unit: "us/validate" },
});
report("forms.validate.ours", oursUs, "us/validate", "forms.validate.zod");
