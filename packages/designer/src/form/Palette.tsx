import { useDraggable } from "@dnd-kit/core";
import type { PointerEventHandler } from "react";
import { uiText } from "../ui/uiText.ts";
import { paletteDndId } from "./canvasDrop.ts";
import { PALETTE, type PaletteItem } from "./fieldPalette.ts";
import { type DesignerLocale, localText } from "./formTypes.ts";

/** Props of {@link Palette}. */
export interface PaletteProps {
  locale: DesignerLocale;
  /** Add a field of this type after the selection (the keyboard and click way). */
  onAdd: (type: string) => void;
}

function PaletteEntry(props: { item: PaletteItem; locale: DesignerLocale; onAdd: (type: string) => void }) {
  const { attributes, listeners, setNodeRef } = useDraggable({ id: paletteDndId(props.item.type) });
  // Only the pointer listener: Enter and Space must click (add after the selection) rather than
  // start a keyboard drag, which would need the author to steer a ghost across the canvas.
  return (
    <li>
      <button
        ref={setNodeRef}
        type="button"
        {...attributes}
        onPointerDown={listeners?.onPointerDown as PointerEventHandler<HTMLButtonElement> | undefined}
        onClick={() => props.onAdd(props.item.type)}
      >
        {localText(props.item.name, props.locale)}
      </button>
    </li>
  );
}

/** Every field type, grouped; drag one onto the canvas, or click it to add it after the selection. */
export function Palette(props: PaletteProps) {
  const t = uiText(props.locale);
  return (
    <nav className="wf-fd-palette" aria-label={t.palette}>
      <ul>
        {PALETTE.map((item) => (
          <PaletteEntry key={item.type} item={item} locale={props.locale} onAdd={props.onAdd} />
        ))}
      </ul>
    </nav>
  );
}
