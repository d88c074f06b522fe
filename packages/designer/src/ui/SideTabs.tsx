/** The tab strip above a designer's side panel: one button per panel, the open one selected. */
export function SideTabs<T extends string>(props: {
  tabs: readonly (readonly [T, string])[];
  open: T;
  onOpen: (id: T) => void;
}) {
  return (
    <div className="wf-side-tabs" role="tablist">
      {props.tabs.map(([id, name]) => (
        <button
          key={id}
          type="button"
          role="tab"
          aria-selected={props.open === id}
          onClick={() => props.onOpen(id)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
