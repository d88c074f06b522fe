// @wf/forms: the JSON form language, framework-free (no React, no DOM), so the engine and a
// server validate with exactly the rules the renderer uses. The renderer is "@wf/forms/react".

export {
  type CompiledField,
  type CompiledForm,
  type CompiledRule,
  type CompileFormOptions,
  compileForm,
  layoutChildren,
  tryCompileForm,
} from "./schema/compileForm";
export {
  createFormValidator,
  type FormRef,
  type FormRegistry,
  type FormValidator,
  type FormValidatorOptions,
} from "./schema/createFormValidator";
export { decimalSum, formatMoney, parseDecimalInput } from "./schema/decimal";
export { explainField, type FieldExplanation, type Reason } from "./schema/explainField";
export { type FormExpr, formFunctions } from "./schema/expressions";
export { fieldValueSchema, isEmptyValue } from "./schema/fieldValueSchema";
export { fieldValueType, isValueField, rowFieldTypes } from "./schema/fieldValueType";
export type * from "./schema/formJson";
export { FIELD_TYPES, formJsonSchema, formJsonSchemaDocument } from "./schema/formJsonSchema";
export { createFormLogic, type FormLogic } from "./schema/formLogic";
export { createFormSchema, type FormSchemaOptions } from "./schema/formSchema";
export {
  applyCalcs,
  type FieldState,
  type FormContext,
  fieldState,
  initialValues,
  newRow,
  permissionOf,
  scopeOf,
} from "./schema/formState";
export { localize, messages, toMessage } from "./schema/messages";
export { checkFormJson, FormDefinitionError } from "./schema/parseFormJson";
export type * from "./schema/types";
export { type ParseResult, parseFormValues, toFieldIssues, validateForm } from "./schema/validateForm";
