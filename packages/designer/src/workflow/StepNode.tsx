import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import type { GraphNodeKind } from "./definitionGraph.ts";

/** What a diagram node shows. */
interface StepNodeData extends Record<string, unknown> {
  title: string;
  /** The step id (absent on markers). */
  stepId?: string;
  kind: GraphNodeKind;
  kindName: string;
  /** Problems found by the engine's static checks and the staffing check. */
  issues: string[];
  selected: boolean;
}

/** A React Flow node of the workflow diagram. */
export type StepFlowNode = Node<StepNodeData, "step">;

/**
 * One step on the diagram: title, id and kind, and a red badge listing the problems the engine
 * found in it, so the checks are seen where the author is looking rather than in a side list.
 */
export function StepNode(props: NodeProps<StepFlowNode>) {
  const { data } = props;
  const marker = data.kind === "start" || data.kind === "join";
  return (
    <div
      className="wf-wd-node"
      data-kind={data.kind}
      data-step={data.stepId}
      data-issues={data.issues.length > 0 || undefined}
      data-selected={data.selected || undefined}
      title={data.issues.join("\n") || undefined}
    >
      {data.kind !== "start" ? <Handle type="target" position={Position.Top} /> : null}
      <strong>{data.title}</strong>
      {!marker ? (
        <small>
          {data.kindName}
          {data.stepId && data.stepId !== data.title ? ` · ${data.stepId}` : ""}
        </small>
      ) : null}
      {data.issues.length > 0 ? (
        <span className="wf-wd-badge" role="img" aria-label={data.issues.join("; ")}>
          ⚠ {data.issues.length}
        </span>
      ) : null}
      {data.kind !== "end" && data.kind !== "missing" ? (
        <Handle type="source" position={Position.Bottom} />
      ) : null}
    </div>
  );
}
