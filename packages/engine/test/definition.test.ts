/// <reference types="node" />
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Definition, definitionJsonSchemaText, formatIssue, validateDefinition } from "../src/index";
import { selectionDefinition } from "./fixtures";

function issuesOf(input: unknown, ctx = {}): string[] {
  const r = validateDefinition(input, ctx);
  return r.ok ? [] : r.issues.map(formatIssue);
}

function mutate(edit: (d: Definition) => void): Definition {
  const d = selectionDefinition();
  edit(d);
  return d;
}

describe("validateDefinition: shape", () => {
  it("accepts the fixture", () => {
    expect(issuesOf(selectionDefinition())).toEqual([]);
  });

  it("explains an empty object field by field", () => {
    const lines = issuesOf({});
    expect(lines).toContain('(root): missing required field "id" (string)');
    expect(lines).toContain('(root): missing required field "steps" (record)');
    expect(lines).toContain('(root): missing required field "initial" (string)');
  });

  it("reports a truncated file with its line and column", () => {
    const text = JSON.stringify(selectionDefinition(), null, 2);
    const lines = issuesOf(text.slice(0, 200));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\(root\): the JSON ends too early at line \d+, column \d+: the file looks truncated/,
    );
  });

  it("reports bad JSON syntax and an empty file", () => {
    expect(issuesOf('{ "id": "x", }')[0]).toMatch(/invalid JSON at line 1/);
    expect(issuesOf("  ")[0]).toMatch(/the file is empty/);
    expect(issuesOf("[]")[0]).toMatch(/must be a JSON object/);
  });

  it("parses JSON text like an object", () => {
    expect(issuesOf(JSON.stringify(selectionDefinition()))).toEqual([]);
  });

  it("names unknown fields, wrong kinds and bad values with their paths", () => {
    const d = selectionDefinition() as unknown as {
      steps: Record<string, Record<string, unknown>>;
      id: string;
    };
    d.steps.apply!.colour = "red";
    d.steps.review!.kind = "userTsk";
    d.id = "Not Kebab";
    const lines = issuesOf(d);
    expect(lines).toContain('steps.apply.colour: unknown field "colour"');
    expect(lines.some((l) => l.startsWith('steps.review.kind: unknown step kind "userTsk"'))).toBe(true);
    expect(lines.some((l) => l.startsWith("id: ") && l.includes("kebab-case"))).toBe(true);
  });
});

describe("validateDefinition: graph", () => {
  it("suggests the step meant by a misspelt target", () => {
    const d = mutate((x) => {
      const review = x.steps.review;
      if (review?.kind === "userTask") review.outcomes.pass!.to = "notcie";
    });
    expect(issuesOf(d)).toContain(
      'steps.review.outcomes.pass.to: unknown step "notcie" (did you mean "notice"?)',
    );
  });

  it("finds unreachable steps and dead ends", () => {
    const d = mutate((x) => {
      x.steps.orphan = { kind: "end", outcome: "x" };
      x.steps.loop = { kind: "timer", after: { days: 1 }, to: "loop" };
      const apply = x.steps.apply;
      if (apply?.kind === "userTask") apply.outcomes.park = { label: { zh: "停", en: "Park" }, to: "loop" };
    });
    const lines = issuesOf(d);
    expect(lines).toContain('steps.orphan: step "orphan" can never be reached');
    expect(lines).toContain(
      'steps.loop: dead end: from step "loop" the case can never finish (add a path to an end step)',
    );
  });

  it("rejects automatic moves that would repeat forever", () => {
    const d = mutate((x) => {
      const inspect = x.steps.inspect;
      if (inspect?.kind === "userTask") inspect.outcomes.pass!.to = "spin";
      // A step that moves on by itself back to itself, and two that lead to each other.
      x.steps.spin = { kind: "auto", choose: [{ when: "data.x == 1", to: "spin" }], otherwise: "ping" };
      x.steps.ping = { kind: "auto", choose: [{ when: "data.x == 2", to: "match" }], otherwise: "pong" };
      x.steps.pong = { kind: "auto", otherwise: "ping" };
      x.steps.sign = {
        kind: "multiTask",
        over: "[1, 2]",
        assignee: { role: "county-org-dept", at: { from: "data.countyId" } },
        outcomes: { ok: { label: { zh: "同意", en: "OK" } }, no: { label: { zh: "否", en: "No" } } },
        complete: "all",
        veto: { outcome: "no", to: "sign" },
        to: "match",
      };
      const match = x.steps.match;
      if (match?.kind === "userTask") match.outcomes.sign = { label: { zh: "会签", en: "Sign" }, to: "sign" };
    });
    const lines = issuesOf(d);
    expect(lines).toContain(
      'steps.spin.choose[0].to: step "spin" moves on by itself, so going back to itself would repeat forever (go to another step (a userTask or timer can wait in between))',
    );
    expect(lines).toContain(
      'steps.sign.veto.to: step "sign" moves on by itself, so going back to itself would repeat forever (go to another step (a userTask or timer can wait in between))',
    );
    expect(lines.filter((l) => l.includes("go round them forever"))).toEqual([
      'steps.ping: automatic steps "ping", "pong" lead back to each other and set no data, so the case would go round them forever (put a userTask or timer in the loop, or a `set` that changes what the conditions read)',
    ]);
  });

  it("accepts a loop of automatic steps when one of them sets data", () => {
    const d = mutate((x) => {
      const inspect = x.steps.inspect;
      if (inspect?.kind === "userTask") inspect.outcomes.pass!.to = "ping";
      x.steps.ping = { kind: "auto", choose: [{ when: "data.x == 2", to: "match" }], otherwise: "pong" };
      x.steps.pong = { kind: "auto", set: { x: "2" }, otherwise: "ping" };
      x.data = { ...x.data, x: { type: "number" } };
    });
    expect(issuesOf(d).filter((l) => l.includes("forever"))).toEqual([]);
  });

  it("rejects a join that can never complete and a branch that never finishes", () => {
    const d = mutate((x) => {
      const review = x.steps.review;
      if (review?.kind === "userTask") review.outcomes.pass!.to = "both";
      x.steps.both = {
        kind: "parallel",
        branches: {
          a: { initial: "a1", steps: { a1: { kind: "timer", after: { days: 1 }, to: "@branchEnd" } } },
          b: { initial: "b1", steps: { b1: { kind: "timer", after: { days: 1 }, to: "b1" } } },
        },
        join: { atLeast: 3 },
        to: "notice",
      };
    });
    const lines = issuesOf(d);
    expect(lines).toContain(
      "steps.both.join.atLeast: the join waits for 3 branches but there are only 2; it can never complete",
    );
    expect(lines.some((l) => l.startsWith("steps.both.branches.b.steps: this branch never finishes"))).toBe(
      true,
    );
  });

  it("keeps targets within their branch and @branchEnd inside branches", () => {
    const d = mutate((x) => {
      const apply = x.steps.apply;
      if (apply?.kind === "userTask") apply.outcomes.submit!.to = "@branchEnd";
    });
    expect(issuesOf(d)).toContain(
      'steps.apply.outcomes.submit.to: "@branchEnd" is only allowed inside a parallel branch',
    );
  });
});

describe("validateDefinition: references and expressions", () => {
  it("wants roles declared, with a suggestion", () => {
    const d = mutate((x) => {
      const review = x.steps.review;
      if (review?.kind === "userTask" && "role" in review.assignee) review.assignee.role = "org-dep";
    });
    expect(issuesOf(d)).toContain(
      'steps.review.assignee.role: role "org-dep" is not declared in "roles" (did you mean "org-dept"?)',
    );
  });

  it("knows rules, SoD steps, timeout outcomes, forms and calendars", () => {
    const d = mutate((x) => {
      const apply = x.steps.apply;
      if (apply?.kind === "userTask") apply.checks = ["agee"];
      x.separationOfDuties = [
        { steps: ["reveiw"], notBy: { actorOf: "apply" }, message: { zh: "x", en: "x" } },
      ];
      const notice = x.steps.notice;
      if (notice?.kind === "userTask" && notice.timeout) notice.timeout.outcome = "none";
      delete x.calendar;
    });
    const lines = issuesOf(d, { forms: ["fs-other"] });
    expect(lines).toContain('steps.apply.checks[0]: unknown rule "agee" (did you mean "age"?)');
    expect(lines).toContain(
      'separationOfDuties[0].steps[0]: unknown task step "reveiw" (did you mean "review"?)',
    );
    expect(lines).toContain('steps.notice.timeout.outcome: unknown outcome "none"');
    expect(lines).toContain('steps.apply.form.ref: unknown form "fs-need-name"');
    expect(lines.some((l) => l.startsWith("calendar: working days are used"))).toBe(true);
  });

  it("type-checks expressions against the declared data", () => {
    const d = mutate((x) => {
      x.rules!.age!.when = "data.candidat.age <= 57";
      x.subject = "data.candidateId +";
    });
    const lines = issuesOf(d);
    expect(lines.some((l) => l.startsWith("rules.age.when: ") && l.includes("candidat"))).toBe(true);
    expect(lines.some((l) => l.startsWith("subject: "))).toBe(true);
  });

  it("wants data written by set/collect/into to be declared", () => {
    const d = mutate((x) => {
      const review = x.steps.review;
      if (review?.kind === "userTask") review.outcomes.pass!.set = { "data.pased": "true" };
    });
    expect(issuesOf(d)).toContain(
      'steps.review.outcomes.pass.set.data.pased: writes data.pased, which is not declared in "data" (declare "pased" in "data")',
    );
  });
});

describe("definition.schema.json", () => {
  it("is up to date with the zod schema (run `pnpm --filter @wf/engine schema`)", () => {
    const onDisk = readFileSync(new URL("../definition.schema.json", import.meta.url), "utf8");
    expect(onDisk).toBe(definitionJsonSchemaText());
  });
});

describe("validateDefinition: expression result types", () => {
  it("wants conditions to give booleans, durations numbers and `over` a list", () => {
    const d = selectionDefinition();
    d.rules!.age!.when = "data.candidate.age";
    const notice = d.steps.notice;
    if (notice?.kind === "userTask" && notice.timeout)
      notice.timeout.after = { workingDays: "data.villageId" };
    const lines = issuesOf(d);
    expect(lines).toContain(
      "rules.age.when: `data.candidate.age` gives number, but a boolean is needed here",
    );
    expect(lines).toContain(
      "steps.notice.timeout.after.workingDays: `data.villageId` gives string, but a number is needed here",
    );
  });
});

describe("validateDefinition: assignments", () => {
  it("wants `set` values to fit the declared type of the data they write", () => {
    const d = selectionDefinition();
    const review = d.steps.review;
    if (review?.kind === "userTask")
      review.outcomes.pass!.set = { "data.noticeDays": "'five'", "data.candidate.name": "'ok'" };
    expect(issuesOf(d)).toEqual([
      "steps.review.outcomes.pass.set.data.noticeDays: `'five'` gives string, but data.noticeDays is declared number",
    ]);
  });
});

describe("validateDefinition: names", () => {
  it("wants identifier data keys and plain branch names", () => {
    const d = selectionDefinition();
    d.data!["candidate-id"] = { type: "string" };
    const lines = issuesOf(d);
    expect(lines).toContain(
      'data.candidate-id: data key "candidate-id" must be an identifier (letters, digits, _)',
    );
  });

  it("refuses __proto__ as a data key, as parsed from JSON", () => {
    const text = JSON.stringify(selectionDefinition()).replace(
      '"data":{',
      '"data":{"__proto__":{"type":"string"},',
    );
    const parsed = JSON.parse(text) as Definition;
    expect(Object.hasOwn(parsed.data!, "__proto__")).toBe(true);
    expect(issuesOf(parsed)).toContain(
      'data.__proto__: the key "__proto__" is reserved in JavaScript and would be lost; rename it',
    );
  });
});
