import {
  Background,
  type Connection,
  Controls,
  type Edge,
  MarkerType,
  ReactFlow,
  type ReactFlowInstance,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { type Dispatch, useEffect, useMemo, useRef, useState } from "react";
import type { DesignerLocale } from "../form/formTypes.ts";
import { localText } from "../form/formTypes.ts";
import type { JsonPath } from "../history/jsonPatch.ts";
import { uiText } from "../ui/uiText.ts";
import { definitionGraph, type GraphNodeKind } from "./definitionGraph.ts";
import { layoutGraph, type NodeBox } from "./layoutGraph.ts";
import { type StepFlowNode, StepNode } from "./StepNode.tsx";
import { STEP_KIND_NAMES } from "./stepTemplates.ts";
import type { WorkflowDesignerAction } from "./workflowDesignerReducer.ts";
import { BRANCH_END, type DesignDefinition, type StepKind } from "./workflowTypes.ts";

const nodeTypes = { step: StepNode };

/** Props of {@link WorkflowDiagram}. */
export interface WorkflowDiagramProps {
  definition: DesignDefinition;
  selected: string | null;
  /** Problems to show on each step's node, by step id. */
  issues: ReadonlyMap<string, readonly string[]>;
  dispatch: Dispatch<WorkflowDesignerAction>;
  /** The arrow the author clicked, so the toolbar can delete it. */
  onSelectEdge: (edge: { step: string; via: JsonPath } | null) => void;
  locale: DesignerLocale;
}

/**
 * The definition drawn with React Flow, laid out by ELK whenever its structure changes. Dragging
 * from a step's bottom handle to another step connects them; Delete removes the selected step
 * or arrow. Every one of these also has a keyboard way in the toolbar and the property panel.
 */
export function WorkflowDiagram(props: WorkflowDiagramProps) {
  const t = uiText(props.locale);
  const graph = useMemo(() => definitionGraph(props.definition), [props.definition]);
  const structure = useMemo(
    () => JSON.stringify([graph.nodes.map((n) => n.id), graph.edges.map((e) => e.id)]),
    [graph],
  );
  const [boxes, setBoxes] = useState<Map<string, NodeBox>>(new Map());
  const [diagramError, setDiagramError] = useState<string | null>(null);
  const flow = useRef<ReactFlowInstance<StepFlowNode, Edge> | null>(null);
  // The first fitView runs before ELK has placed anything; fit again once the layout lands.
  useEffect(() => {
    if (boxes.size === 0) return;
    // React Flow takes the new positions in its own effect; fit on the next frame, after it has.
    const frame = requestAnimationFrame(() => flow.current?.fitView());
    return () => cancelAnimationFrame(frame);
  }, [boxes]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: laid out again only when the structure changes, not on every edit of a title
  useEffect(() => {
    let live = true;
    layoutGraph(graph).then(
      (next) => live && setBoxes(next),
      (error: unknown) => live && setDiagramError(String(error)),
    );
    return () => {
      live = false;
    };
  }, [structure]);

  const nodes: StepFlowNode[] = graph.nodes.map((n, i) => {
    const box = boxes.get(n.id);
    const kindName = STEP_KIND_NAMES[n.kind as StepKind];
    return {
      id: n.id,
      type: "step",
      position: box ? { x: box.x, y: box.y } : { x: 0, y: i * 96 },
      selected: n.stepId !== undefined && n.stepId === props.selected,
      data: {
        title: localText(n.label, props.locale),
        ...(n.stepId ? { stepId: n.stepId } : {}),
        kind: n.kind as GraphNodeKind,
        kindName: kindName ? localText(kindName, props.locale) : n.kind,
        issues: [...(props.issues.get(n.stepId ?? "") ?? [])],
        selected: n.stepId !== undefined && n.stepId === props.selected,
      },
    };
  });
  const edges: Edge[] = graph.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    ...(e.label ? { label: localText(e.label, props.locale) } : {}),
    markerEnd: { type: MarkerType.ArrowClosed },
    data: e.from ? { step: e.from.step, via: e.from.via } : {},
    deletable: e.from !== undefined,
  }));

  const onConnect = (c: Connection) => {
    if (c.source === "@start") {
      props.dispatch({
        type: "replace",
        definition: { ...props.definition, initial: c.target },
        label: "set first step",
      });
    } else if (c.target.startsWith("@join:")) {
      props.dispatch({ type: "connect", from: c.source, to: BRANCH_END });
    } else if (!c.source.startsWith("@") && !c.target.startsWith("@")) {
      props.dispatch({ type: "connect", from: c.source, to: c.target });
    }
  };
  return (
    <section className="wf-wd-canvas" aria-label={t.diagram}>
      {diagramError ? <p role="alert">{diagramError}</p> : null}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        fitView
        // Long approval chains are tall; the default minimum zoom (0.5) cannot fit them on screen.
        minZoom={0.1}
        onInit={(instance) => {
          flow.current = instance;
        }}
        onConnect={onConnect}
        onNodeClick={(_, node) =>
          props.dispatch({ type: "select", id: node.id.startsWith("@") ? null : node.id })
        }
        onEdgeClick={(_, edge) => {
          const from = edge.data as { step?: string; via?: JsonPath } | undefined;
          props.onSelectEdge(from?.step && from.via ? { step: from.step, via: from.via } : null);
        }}
        onDelete={({ nodes: gone, edges: cut }) => {
          for (const edge of cut) {
            const from = edge.data as { step?: string; via?: JsonPath } | undefined;
            if (from?.step && from.via)
              props.dispatch({ type: "disconnect", from: from.step, via: from.via });
          }
          for (const node of gone)
            if (!node.id.startsWith("@")) props.dispatch({ type: "removeStep", id: node.id });
        }}
        // The container has no size until the page lays it out (and never in tests); React Flow
        // reports that as error 004, which is not a fault of the definition.
        onError={(code, message) => {
          if (code !== "004") setDiagramError(message);
        }}
      >
        <Background />
        <Controls />
      </ReactFlow>
    </section>
  );
}
