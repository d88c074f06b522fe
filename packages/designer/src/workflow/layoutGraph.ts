import type { ELK } from "elkjs/lib/elk-api.js";
import type { DefinitionGraph, GraphNodeKind } from "./definitionGraph.ts";

/** Where the layout put a node (top-left corner) and how big it is. */
export interface NodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Node sizes the diagram draws: steps are cards, markers are small. */
export function nodeSize(kind: GraphNodeKind): { width: number; height: number } {
  if (kind === "start" || kind === "join") return { width: 80, height: 36 };
  return { width: 200, height: 64 };
}

// One layout engine for the page, loaded the first time a diagram is drawn: ELK is over a
// megabyte, and the form designer (in the same package) never needs it. The bundled build runs
// in-thread (no worker file to serve), which is fine for procedures of tens of steps.
let elk: Promise<ELK> | undefined;

/**
 * Lay the graph out top to bottom with ELK's layered algorithm (the usual reading order of an
 * approval chain), with return arrows (退回) routed around the chain rather than through it.
 */
export async function layoutGraph(graph: DefinitionGraph): Promise<Map<string, NodeBox>> {
  elk ??= import("elkjs/lib/elk.bundled.js").then(({ default: Elk }) => new Elk());
  const engine = await elk;
  const ids = new Set(graph.nodes.map((n) => n.id));
  const result = await engine.layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.layered.spacing.nodeNodeBetweenLayers": "56",
      "elk.spacing.nodeNode": "40",
      "elk.layered.cycleBreaking.strategy": "DEPTH_FIRST",
      "elk.edgeRouting": "ORTHOGONAL",
    },
    children: graph.nodes.map((n) => ({ id: n.id, ...nodeSize(n.kind) })),
    edges: graph.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const boxes = new Map<string, NodeBox>();
  for (const child of result.children ?? []) {
    boxes.set(child.id, {
      x: child.x ?? 0,
      y: child.y ?? 0,
      width: child.width ?? 0,
      height: child.height ?? 0,
    });
  }
  return boxes;
}
