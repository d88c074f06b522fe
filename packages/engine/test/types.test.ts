import { describe, expectTypeOf, it } from "vitest";
import type {
  Actor,
  AuditEvent,
  Definition,
  EngineError,
  Instance,
  StepKind,
  StepOf,
  ValidationResult,
} from "../src/index";
import { type createEngine, validateDefinition } from "../src/index";

describe("public types", () => {
  it("discriminates steps by kind", () => {
    expectTypeOf<StepKind>().toEqualTypeOf<
      "userTask" | "auto" | "timer" | "multiTask" | "parallel" | "subProcess" | "end"
    >();
    expectTypeOf<StepOf<"multiTask">["complete"]>().toEqualTypeOf<"all" | "any" | { atLeast: number }>();
    expectTypeOf<StepOf<"end">>().toHaveProperty("outcome").toEqualTypeOf<string>();
  });

  it("narrows a validation result to a typed definition", () => {
    const r = validateDefinition({});
    expectTypeOf(r).toEqualTypeOf<ValidationResult>();
    if (r.ok) expectTypeOf(r.definition).toEqualTypeOf<Definition>();
  });

  it("returns instances with tasks and notices from every engine call", () => {
    type E = ReturnType<typeof createEngine>;
    expectTypeOf<Awaited<ReturnType<E["act"]>>>().toEqualTypeOf<Instance>();
    expectTypeOf<Awaited<ReturnType<E["history"]>>>().toEqualTypeOf<AuditEvent[]>();
    expectTypeOf<Parameters<E["act"]>[0]["actor"]>().toEqualTypeOf<Actor>();
    expectTypeOf<Instance["tasks"][number]["status"]>().toEqualTypeOf<"open" | "completed" | "withdrawn">();
    expectTypeOf<EngineError["code"]>().toEqualTypeOf<string>();
  });
});
