import { useDroppable } from "@dnd-kit/core";
import { rectSortingStrategy, SortableContext, useSortable } from "@dnd-kit/sortable";
import type { Dispatch, KeyboardEvent, MouseEvent } from "react";
import { uiText } from "../ui/uiText.ts";
import { fieldDndId, listDndId } from "./canvasDrop.ts";
import { paletteItem } from "./fieldPalette.ts";
import { childLists, type FieldPath, formatPath, type ListPath } from "./fieldPaths.ts";
import type { FormDesignerAction } from "./formDesignerReducer.ts";
import { type DesignerLocale, type DesignField, type LocalText, localText } from "./formTypes.ts";

// A list renders its fields and a container field renders its lists, so the two components
// live in one file: split, the two files would import each other.

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

/** Props of {@link FieldBlock}. */
interface FieldBlockProps {
  field: DesignField;
  path: FieldPath;
  selected: FieldPath | null;
  locale: DesignerLocale;
  dispatch: Dispatch<FormDesignerAction>;
}

function samePath(a: FieldPath | null, b: FieldPath): boolean {
  return a !== null && a.length === b.length && a.every((k, i) => k === b[i]);
}

/** The caption of a field on the canvas: its label, else its key, else its type's name. */
function fieldCaption(field: DesignField, locale: DesignerLocale): string {
  const type = paletteItem(field.type);
  return localText(field.label, locale) || field.key || (type ? localText(type.name, locale) : field.type);
}

/**
 * One field on the canvas. Clicking selects it; the handle drags it (pointer, or Space then the
 * arrow keys); containers show their lists (every tab and page at once, so a field can be
 * dropped on any of them).
 */
function FieldBlock(props: FieldBlockProps) {
  const { field, path, locale } = props;
  const t = uiText(locale);
  const sortable = useSortable({ id: fieldDndId(path) });
  const selected = samePath(props.selected, path);
  const caption = fieldCaption(field, locale);
  const span = typeof field.span === "number" ? Math.min(Math.max(field.span, 1), 12) : 12;
  const typeName = paletteItem(field.type);
  const select = (event: MouseEvent | KeyboardEvent) => {
    event.stopPropagation();
    props.dispatch({ type: "select", path });
  };
  const panels = (field.tabs ?? field.pages) as { title?: LocalText }[] | undefined;
  return (
    <li
      ref={sortable.setNodeRef}
      className="wf-fd-field"
      style={{
        gridColumn: `span ${span}`,
        transform: sortable.transform
          ? `translate(${sortable.transform.x}px, ${sortable.transform.y}px)`
          : undefined,
        transition: sortable.transition,
        opacity: sortable.isDragging ? 0.5 : undefined,
      }}
      data-selected={selected || undefined}
      data-path={formatPath(path)}
    >
      <div className="wf-fd-field-head">
        <button
          type="button"
          className="wf-fd-handle"
          aria-label={`⠿ ${caption}`}
          {...sortable.attributes}
          {...sortable.listeners}
        >
          ⠿
        </button>
        <button type="button" className="wf-fd-select" aria-pressed={selected} onClick={select}>
          <span className="wf-fd-caption">
            {caption}
            {field.required === true ? <span aria-hidden="true"> *</span> : null}
          </span>
          <span className="wf-fd-type">{typeName ? localText(typeName.name, locale) : field.type}</span>
          {field.key ? <code className="wf-fd-key">{field.key}</code> : null}
        </button>
      </div>
      {childLists(field, path).map((list, i) => (
        <div key={list.path.join(".")} className="wf-fd-children">
          {panels ? (
            <div className="wf-fd-panel-title">
              {localText(panels[i]?.title, locale) || `${t.panelTitle} ${i + 1}`}
            </div>
          ) : null}
          <FieldList
            fields={list.fields}
            path={list.path}
            selected={props.selected}
            locale={locale}
            dispatch={props.dispatch}
            label={panels ? localText(panels[i]?.title, locale) || caption : caption}
          />
        </div>
      ))}
    </li>
  );
}
