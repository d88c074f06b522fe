import { useDroppable } from "@dnd-kit/core";
import { rectSortingStrategy, SortableContext } from "@dnd-kit/sortable";
import type { Dispatch } from "react";
import { uiText } from "../ui/uiText.ts";
import { fieldDndId, listDndId } from "./canvasDrop.ts";
import { FieldBlock } from "./FieldBlock.tsx";
import type { FieldPath, ListPath } from "./fieldPaths.ts";
import type { FormDesignerAction } from "./formDesignerReducer.ts";
import type { DesignerLocale, DesignField } from "./formTypes.ts";

/** Props of {@link FieldList}. */
export interface FieldListProps {
  fields: DesignField[];
  path: ListPath;
  selected: FieldPath | null;
  locale: DesignerLocale;
  dispatch: Dispatch<FormDesignerAction>;
  /** Accessible name of the list (the container's title). */
  label: string;
}

/**
 * One list of fields on the canvas: a 12-column grid whose items are sortable, and a drop zone
 * of its own so an empty section or tab accepts fields.
 */
export function FieldList(props: FieldListProps) {
  const t = uiText(props.locale);
  const { setNodeRef, isOver } = useDroppable({ id: listDndId(props.path) });
  const ids = props.fields.map((_, i) => fieldDndId([...props.path, i]));
  return (
    <SortableContext items={ids} strategy={rectSortingStrategy}>
      <ul ref={setNodeRef} className="wf-fd-list" aria-label={props.label} data-over={isOver || undefined}>
        {props.fields.map((field, i) => (
          <FieldBlock
            // Index keys: a field is its place in the list (keys may repeat while designing).
            // biome-ignore lint/suspicious/noArrayIndexKey: the path is the identity
            key={i}
            field={field}
            path={[...props.path, i]}
            selected={props.selected}
            locale={props.locale}
            dispatch={props.dispatch}
          />
        ))}
        {props.fields.length === 0 ? <li className="wf-fd-empty">{t.emptyList}</li> : null}
      </ul>
    </SortableContext>
  );
}
