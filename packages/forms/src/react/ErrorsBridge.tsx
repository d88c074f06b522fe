import { useLayoutEffect } from "react";
import { useFormState } from "react-hook-form";
import { flattenErrors } from "./ErrorSummary";
import type { MapStore } from "./nameStore";

/**
 * Moves react-hook-form's errors into the per-name error store, which notifies only the fields
 * whose message changed. The one component subscribed to the whole errors object; renders nothing.
 */
export function ErrorsBridge({ store }: { store: MapStore<string> }) {
  const { errors } = useFormState();
  // On every render: react-hook-form may update the errors object in place, so its identity
  // says nothing; this component renders only when errors change.
  useLayoutEffect(() => {
    store.replace(new Map(flattenErrors(errors).map((e) => [e.name, e.message])));
  });
  return null;
}
