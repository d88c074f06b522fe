import { BRANCH_END, indexSteps } from "../definition/stepIndex";
import type { Definition, Duration, Step } from "../definition/types";

/** Options for {@link toMermaid}. */
export interface MermaidOptions {
  /** Label language; default `en`. */
  lang?: "zh" | "en";
}

const safeId = (id: string): string => id.replace(/[^A-Za-z0-9_]/g, "_");
const safeText = (s: string): string =>
  s
    .replace(/[:;"#<>{}]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

function duration(d: Duration): string {
  return "days" in d ? `${d.days} days` : `${d.workingDays} working days`;
}

/**
 * A Mermaid `stateDiagram-v2` of a validated definition: one state per step (parallel steps
 * as composite states with one region per branch), one arrow per outcome, choice, timer,
 * completion rule and veto, labelled in the chosen language.
 *
 * @example
 * const text = toMermaid(definition, { lang: "zh" }); // paste into any Mermaid renderer
 */
export function toMermaid(definition: Definition, opts: MermaidOptions = {}): string {
  const lang = opts.lang ?? "en";
  const index = indexSteps(definition);
  const lines = ["stateDiagram-v2"];
  const emit = (indent: string, steps: Record<string, Step>, initial: string, inBranch: boolean): void => {
    lines.push(`${indent}[*] --> ${safeId(initial)}`);
    for (const [id, step] of Object.entries(steps)) {
      const sid = safeId(id);
      const title = step.title ? step.title[lang] : id;
      const to = (target: string): string => (target === BRANCH_END ? "[*]" : safeId(target));
      const edge = (target: string, label: string): void => {
        lines.push(`${indent}${sid} --> ${to(target)}${label ? `: ${safeText(label)}` : ""}`);
      };
      if (step.kind === "parallel") {
        lines.push(`${indent}state "${safeText(title)}" as ${sid} {`);
        Object.entries(step.branches).forEach(([name, b], i) => {
          if (i > 0) lines.push(`${indent}  --`);
          lines.push(`${indent}  state "${safeText(name)}" as ${sid}__${safeId(name)} {`);
          emit(`${indent}    `, b.steps, b.initial, true);
          lines.push(`${indent}  }`);
        });
        lines.push(`${indent}}`);
        const join =
          step.join === "all"
            ? "all branches"
            : step.join === "any"
              ? "any branch"
              : `${step.join.atLeast} branches`;
        edge(step.to, `join ${join}`);
        continue;
      }
      lines.push(`${indent}state "${safeText(title)}" as ${sid}`);
      switch (step.kind) {
        case "userTask":
          for (const [k, o] of Object.entries(step.outcomes)) edge(o.to ?? id, o.label[lang] || k);
          if (step.timeout) {
            const target = step.outcomes[step.timeout.outcome]?.to ?? id;
            edge(target, `after ${duration(step.timeout.after)}`);
          }
          break;
        case "multiTask": {
          const rule =
            step.complete === "all"
              ? "all"
              : step.complete === "any"
                ? "any"
                : `${step.complete.atLeast} of n`;
          edge(step.to, `complete ${rule}`);
          if (step.veto) edge(step.veto.to, `veto ${step.veto.outcome}`);
          if (step.otherwise) edge(step.otherwise, "too few approve");
          break;
        }
        case "auto":
          for (const c of step.choose ?? []) edge(c.to, c.when);
          edge(step.otherwise, "otherwise");
          break;
        case "timer":
          edge(step.to, step.after ? `after ${duration(step.after)}` : `until ${step.until ?? ""}`);
          break;
        case "subProcess":
          edge(step.to, step.wait ? `${step.definition} ended` : `${step.definition} started`);
          break;
        case "end":
          lines.push(`${indent}${sid} --> [*]`);
          if (!inBranch) lines.push(`${indent}note right of ${sid}: ${safeText(step.outcome)}`);
          break;
      }
    }
  };
  if (index.byId.size > 0) emit("  ", definition.steps, definition.initial, false);
  return `${lines.join("\n")}\n`;
}
