// @wf/forms/react: the React renderer of the form language, on react-hook-form.

export { ErrorSummary, flattenErrors } from "./ErrorSummary";
export { Field } from "./Field";
export {
  type FileStorage,
  type FormHost,
  FormHostProvider,
  type PickerDirectory,
  type PickerPerson,
  type PickerUnit,
  useFormHost,
} from "./FormHost";
export { FormRenderer, type FormRendererHandle, type FormRendererProps } from "./FormRenderer";
export { adoptFormStyles, FormStyles, formStyles } from "./FormStyles";
export { FormView, type FormViewProps } from "./FormView";
export { formatValue } from "./formatValue";
export { createFormResolver, toFieldErrors } from "./formResolver";
export { useDraft } from "./useDraft";
