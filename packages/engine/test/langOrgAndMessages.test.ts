import { readFileSync } from "node:fs";
import { evaluate } from "@wf/expr";
import { describe, expect, it } from "vitest";
import {
  type Actor,
  createEngine,
  createOrgDirectory,
  type Definition,
  formatIssue,
  MemoryStore,
  type OrgUnit,
  orgFunctions,
  type Person,
  renderMessage,
  templateParts,
  ValidationError,
  validateDefinition,
} from "../src/index";
import { actor, makeDirectory, makeEngine, selectionDefinition, units } from "./fixtures";

const root = new URL("../../../workflows/", import.meta.url);
const json = (path: string): unknown => JSON.parse(readFileSync(new URL(path, root), "utf8"));
const env = (functions: ReturnType<typeof orgFunctions>) => ({ now: "2026-03-02T09:00:00+08:00", functions });

describe("org functions childOfType and unitAttr", () => {
  const withAttrs: OrgUnit[] = [
    ...units.map((u) =>
      u.id === "v1" ? { ...u, attrs: { villageType: "软弱涣散", problem: "conflicts" } } : u,
    ),
    { id: "k1-u2", name: { zh: "单位2", en: "Unit 2" }, type: "unit", parent: "k1" },
  ];
  const fns = orgFunctions(makeDirectory(withAttrs));

  it("childOfType finds the one child of a type, null when there is none", () => {
    expect(evaluate("childOfType('k1', 'police')", {}, env(fns))).toBe("k1-police");
    expect(evaluate("childOfType(ancestor('v1', 'county'), 'org-dept')", {}, env(fns))).toBe("k1-od");
    expect(evaluate("childOfType('k1', 'petition')", {}, env(fns))).toBeNull();
    expect(evaluate("childOfType(null, 'police')", {}, env(fns))).toBeNull();
  });

  it("childOfType refuses to guess between several children of the type, naming them", () => {
    expect(() => evaluate("childOfType('k1', 'unit')", {}, env(fns))).toThrow(
      /2 child units of type "unit" \(u1, k1-u2\)/,
    );
  });

  it("unitAttr reads a unit's attrs as JSON, null when absent", () => {
    expect(evaluate("unitAttr('v1', 'villageType')", {}, env(fns))).toBe("软弱涣散");
    expect(evaluate("unitAttr('v1', 'nope')", {}, env(fns))).toBeNull();
    expect(evaluate("unitAttr('k1', 'problem')", {}, env(fns))).toBeNull();
    expect(evaluate("unitAttr('nowhere', 'problem')", {}, env(fns))).toBeNull();
    expect(evaluate("unitAttr('v1', 'toString')", {}, env(fns))).toBeNull();
  });

  it("both type-check in definitions (unitAttr gives any, childOfType a unit id)", () => {
    const def = selectionDefinition();
    def.data!.problem = { type: "string" };
    def.data!.police = { type: "orgUnit" };
    def.steps.apply = {
      ...(def.steps.apply as object),
      outcomes: {
        submit: {
          label: { zh: "提交", en: "Submit" },
          to: "review",
          set: {
            "data.problem": "unitAttr(data.villageId, 'problem')",
            "data.police": "childOfType(ancestor(data.villageId, 'county'), 'police')",
          },
        },
      },
    } as unknown as Definition["steps"][string];
    const r = validateDefinition(def);
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual([]);
  });
});

describe("rule messages quote data with {expr}", () => {
  it("splits templates, with {{ }} as literal braces and braces inside quotes", () => {
    expect(templateParts("年龄超过{data.maxAge}周岁")).toEqual([
      { text: "年龄超过" },
      { expr: "data.maxAge", start: 4 },
      { text: "周岁" },
    ]);
    expect(templateParts("{{x}} {concat('}', 'a')}")).toEqual([
      { text: "{x} " },
      { expr: "concat('}', 'a')", start: 6 },
    ]);
    expect(() => templateParts("at most {data.maxAge")).toThrow(/unclosed "\{" at character 9/);
    expect(() => templateParts("a } b")).toThrow(/unmatched "\}"/);
  });

  it("renders values, lists joined, and keeps a placeholder that cannot be evaluated", () => {
    const value = (src: string) => {
      if (src === "bad") throw new Error("x");
      return ({ n: 57, l: ["a", "b"], z: null } as Record<string, unknown>)[src];
    };
    expect(renderMessage({ zh: "不超过{n}周岁", en: "at most {n}; {l}; [{z}]; {bad}" }, value)).toEqual({
      zh: "不超过57周岁",
      en: "at most 57; a、b; []; {bad}",
    });
    const plain = { zh: "静态", en: "static" };
    expect(renderMessage(plain, value)).toBe(plain);
  });

  it("checks placeholders at load time with the JSON path of the message", () => {
    const def = selectionDefinition();
    def.rules!.age!.message = { zh: "年龄超过{data.maxAg}周岁", en: "Older than {data.candidate.age" };
    const r = validateDefinition(def);
    expect(r.ok).toBe(false);
    const lines = r.ok ? [] : r.issues.map(formatIssue);
    expect(lines.some((l) => l.startsWith("rules.age.message.zh:") && l.includes("maxAg"))).toBe(true);
    expect(lines.some((l) => l.startsWith("rules.age.message.en:") && l.includes("unclosed"))).toBe(true);
  });

  it("renders the message of a failed rule against the case data", async () => {
    const def = selectionDefinition();
    def.data!.maxAge = { type: "number", default: 50 };
    def.rules!.age = {
      when: "data.candidate.age <= data.maxAge",
      message: {
        zh: "年龄{data.candidate.age}岁,超过{data.maxAge}周岁",
        en: "Aged {data.candidate.age}, over {data.maxAge}",
      },
      severity: "block",
    };
    const { engine, nextAction } = makeEngine([def]);
    const started = await engine.start({
      definitionId: "mini-selection",
      actor: actor("hr"),
      actionId: nextAction(),
    });
    const task = started.tasks[0]!;
    const refused = await engine
      .act({
        taskId: task.id,
        actor: actor("hr"),
        outcome: "submit",
        formData: { name: "x", age: 51 },
        actionId: nextAction(),
        expectedVersion: started.version,
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    const issue = (refused as ValidationError).issues.find((i) => i.rule === "age");
    expect(issue?.message).toEqual({ zh: "年龄51岁,超过50周岁", en: "Aged 51, over 50" });
  });

  it("the shipped selection's age message follows data.maxAge in the JSON", async () => {
    const shipped = json("definitions/first-secretary-selection.json") as Definition;
    const directory = createOrgDirectory(
      json("org/units.json") as OrgUnit[],
      json("org/people.json") as Person[],
    );
    const calendar = json("calendars/cn-mainland.json") as {
      id: string;
      holidays: string[];
      workdays: string[];
    };
    const cadre = directory.person("cadre-age58")!;
    const who: Actor = { id: cadre.id, unit: "qx-u-water", roles: ["cadre"] };
    const ageMessage = async (maxAge: number) => {
      const def = structuredClone(shipped);
      def.data!.maxAge!.default = maxAge;
      let n = 0;
      const engine = createEngine({
        definitions: [def],
        store: new MemoryStore(),
        directory,
        clock: () => "2026-03-02T09:00:00+08:00",
        ids: () => `c${++n}`,
        calendars: [calendar],
      });
      const started = await engine.start({ definitionId: def.id, actor: who, actionId: "s" });
      const error = await engine
        .act({
          taskId: started.tasks[0]!.id,
          actor: who,
          outcome: "submit",
          formData: { personId: cadre.id, ...cadre.attrs, unitId: "qx-u-water", healthy: true },
          actionId: "a",
          expectedVersion: started.version,
        })
        .catch((e: unknown) => e);
      return (error as ValidationError).issues.find((i) => i.rule === "age")?.message;
    };
    expect(await ageMessage(57)).toEqual({
      zh: "年龄超过选派上限(一般不超过57周岁)",
      en: "Older than the age limit (normally at most 57)",
    });
    expect(await ageMessage(55)).toEqual({
      zh: "年龄超过选派上限(一般不超过55周岁)",
      en: "Older than the age limit (normally at most 55)",
    });
  });
});
