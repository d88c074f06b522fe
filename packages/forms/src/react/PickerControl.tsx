import { useId, useState } from "react";
import { localize } from "../schema/messages";
import type { ControlProps } from "./controlProps";
import { useFormHost } from "./FormHost";
import { uiText } from "./uiText";

interface Entry {
  id: string;
  label: string;
}

/**
 * Person and org-unit pickers: a combobox searching the host's directory (offline), arrow keys
 * to move, Enter to choose; chosen entries are listed with remove buttons.
 */
export function PickerControl(p: ControlProps) {
  const json = p.field.json;
  const { directory } = useFormHost();
  const t = uiText(p.locale);
  const listId = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  if (json.type !== "personPicker" && json.type !== "orgPicker") return null;
  const multiple = json.multiple === true;
  const people = json.type === "personPicker";
  const chosen: string[] = Array.isArray(p.value)
    ? p.value.map(String)
    : typeof p.value === "string" && p.value !== ""
      ? [p.value]
      : [];
  const labelOf = (id: string): string => {
    const found = people ? directory?.person(id) : directory?.unit(id);
    return found ? localize(found.name, p.locale) : id;
  };
  const results: Entry[] =
    query.trim() === "" || !directory
      ? []
      : (people
          ? directory.searchPeople(query.trim(), { role: json.role })
          : directory.searchUnits(query.trim(), { level: json.level })
        )
          .filter((e) => !chosen.includes(e.id))
          .slice(0, 20)
          .map((e) => ({ id: e.id, label: localize(e.name, p.locale) }));
  const choose = (e: Entry) => {
    p.onChange(multiple ? [...chosen, e.id] : e.id);
    setQuery("");
    setOpen(false);
    setActive(0);
  };
  const remove = (id: string) => {
    const rest = chosen.filter((c) => c !== id);
    p.onChange(multiple ? rest : null);
  };
  const expanded = open && query.trim() !== "";
  return (
    <div>
      {chosen.length > 0 && (
        <ul className="wf-chips">
          {chosen.map((id) => (
            <li key={id}>
              {labelOf(id)}{" "}
              <button
                type="button"
                onClick={() => remove(id)}
                disabled={p.state.disabled}
                aria-label={t.remove(labelOf(id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {(multiple || chosen.length === 0) && (
        <input
          id={p.id}
          type="text"
          role="combobox"
          aria-labelledby={p.labelId}
          aria-describedby={p.describedBy}
          aria-invalid={p.invalid}
          aria-required={p.state.required || undefined}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && results[active] ? `${listId}-${active}` : undefined}
          disabled={p.state.disabled}
          placeholder={t.search}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setOpen(true);
              setActive((a) => Math.min(a + 1, Math.max(0, results.length - 1)));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === "Enter" && expanded && results[active]) {
              e.preventDefault();
              choose(results[active]);
            } else if (e.key === "Escape") setOpen(false);
          }}
          onBlur={p.onBlur}
        />
      )}
      <div id={listId} role="listbox" className="wf-listbox" hidden={!expanded}>
        {expanded && results.length === 0 && <div>{t.noResults}</div>}
        {expanded &&
          results.map((e, i) => (
            <div
              key={e.id}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              onMouseDown={(ev) => {
                ev.preventDefault(); // keep focus in the input
                choose(e);
              }}
            >
              {e.label}
            </div>
          ))}
      </div>
    </div>
  );
}
