import type { LocalText } from "../form/formTypes.ts";
import type { JsonPath } from "../history/jsonPatch.ts";
import { listSteps, stepBranches, stepLinks } from "./stepIndex.ts";
import { STEP_KIND_NAMES } from "./stepTemplates.ts";
import { BRANCH_END, type DesignDefinition, type StepKind } from "./workflowTypes.ts";

/** What a diagram node stands for: a step, or a marker the diagram adds for readability. */
export type GraphNodeKind = StepKind | "start" | "join" | "missing";

/** A node of the diagram. */
export interface GraphNode {
  /** The step id, or `@start`, `@join:<parallel>`, `@missing:<target>` for markers. */
  id: string;
  kind: GraphNodeKind;
  label: LocalText;
  /** The step this node draws (absent on markers). */
  stepId?: string;
}

/** An arrow of the diagram. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label?: LocalText;
  /** The property that holds the arrow, so the diagram can delete it (absent on implied arrows). */
  from?: { step: string; via: JsonPath };
}

/** A definition as nodes and arrows, ready for layout. */
export interface DefinitionGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const START = "@start";
const MARKER_LABELS = {
  start: { zh: "开始", en: "Start" },
  join: { zh: "汇聚", en: "Join" },
  otherwise: { zh: "否则", en: "Otherwise" },
  veto: { zh: "否决", en: "Veto" },
};

function linkLabel(
  kind: string,
  name: string | undefined,
  outcomeLabel: LocalText | undefined,
): LocalText | undefined {
  if (kind === "outcome") return outcomeLabel ?? (name === undefined ? undefined : { zh: name, en: name });
  if (kind === "choose") return name ? { zh: name, en: name } : undefined;
  if (kind === "otherwise") return MARKER_LABELS.otherwise;
  if (kind === "veto") return MARKER_LABELS.veto;
  return undefined;
}

/**
 * The definition as a graph: one node per step (branch steps included), a start marker
 * pointing at the initial step, and per parallel step a join marker that `@branchEnd` arrows
 * meet and the parallel step's own `to` leaves from. A target that names no step becomes a
 * `missing` node, so a dangling reference is visible instead of silently dropped.
 */
export function definitionGraph(def: DesignDefinition): DefinitionGraph {
  const steps = listSteps(def);
  const ids = new Set(steps.map((s) => s.id));
  const nodes: GraphNode[] = [{ id: START, kind: "start", label: MARKER_LABELS.start }];
  const edges: GraphEdge[] = [];
  const missing = new Set<string>();
  const targetNode = (target: string): string => {
    if (ids.has(target)) return target;
    missing.add(target);
    return `@missing:${target}`;
  };
  if (def.initial)
    edges.push({ id: `${START}->${def.initial}`, source: START, target: targetNode(def.initial) });

  for (const { id, step, branch } of steps) {
    const kind = (STEP_KIND_NAMES[step.kind as StepKind] ? step.kind : "userTask") as StepKind;
    nodes.push({ id, kind, label: step.title ?? { zh: id, en: id }, stepId: id });
    const isParallel = step.kind === "parallel";
    if (isParallel) {
      nodes.push({ id: `@join:${id}`, kind: "join", label: MARKER_LABELS.join });
      for (const [name, b] of Object.entries(stepBranches(step))) {
        if (!b.initial) continue;
        edges.push({
          id: `${id}:branches.${name}`,
          source: id,
          target: targetNode(b.initial),
          label: { zh: name, en: name },
        });
      }
    }
    for (const link of stepLinks(step)) {
      const source = isParallel && link.kind === "next" ? `@join:${id}` : id;
      const target =
        link.target === BRANCH_END && branch ? `@join:${branch.parallel}` : targetNode(link.target);
      const outcomeLabel = link.kind === "outcome" ? step.outcomes?.[link.name ?? ""]?.label : undefined;
      const label = linkLabel(link.kind, link.name, outcomeLabel);
      edges.push({
        id: `${id}:${link.via.join(".")}`,
        source,
        target,
        ...(label ? { label } : {}),
        from: { step: id, via: link.via },
      });
    }
  }
  for (const name of missing) {
    nodes.push({
      id: `@missing:${name}`,
      kind: "missing",
      label: { zh: `缺失：${name}`, en: `Missing: ${name}` },
    });
  }
  return { nodes, edges };
}
