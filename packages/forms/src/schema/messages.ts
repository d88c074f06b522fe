import type { LocalText, Message } from "./types";

// Built-in validation messages in both languages. Fields may replace any of them by rule name
// through `messages: { "<rule>": { zh, en } }`.

const m = (zh: string, en: string): Message => ({ zh, en });

/** The built-in messages, by rule name. */
export const messages = {
  required: () => m("此项为必填项", "This field is required"),
  type: (expected: { zh: string; en: string }) => m(`应为${expected.zh}`, `Expected ${expected.en}`),
  minLength: (n: number) => m(`至少 ${n} 个字符`, `At least ${n} characters`),
  maxLength: (n: number) => m(`最多 ${n} 个字符`, `At most ${n} characters`),
  pattern: () => m("格式不正确", "The format is not valid"),
  min: (n: string) => m(`不能小于 ${n}`, `Must be at least ${n}`),
  max: (n: string) => m(`不能大于 ${n}`, `Must be at most ${n}`),
  scale: (n: number) =>
    n === 0 ? m("应为整数", "Must be a whole number") : m(`最多 ${n} 位小数`, `At most ${n} decimal places`),
  dateMin: (d: string) => m(`不能早于 ${d}`, `Must not be before ${d}`),
  dateMax: (d: string) => m(`不能晚于 ${d}`, `Must not be after ${d}`),
  option: () => m("不是可选的选项", "Not one of the available options"),
  minItems: (n: number) => m(`至少选择 ${n} 项`, `Choose at least ${n}`),
  maxItems: (n: number) => m(`最多选择 ${n} 项`, `Choose at most ${n}`),
  idCard: () =>
    m("身份证号码无效(18位,校验位不符)", "Not a valid resident ID number (18 digits with checksum)"),
  mobile: () => m("手机号码无效", "Not a valid mobile phone number"),
  fileSize: (name: string, max: string) =>
    m(`文件“${name}”超过 ${max}`, `File "${name}" is larger than ${max}`),
  fileType: (name: string) => m(`文件“${name}”的类型不允许`, `File "${name}" is not an allowed type`),
  maxFiles: (n: number) => m(`最多上传 ${n} 个文件`, `At most ${n} files`),
  minRows: (n: number) => m(`至少填写 ${n} 行`, `At least ${n} rows`),
  maxRows: (n: number) => m(`最多 ${n} 行`, `At most ${n} rows`),
  signature: () => m("签名无效", "Not a valid signature"),
  unknownPerson: (id: string) => m(`人员“${id}”不存在`, `Unknown person "${id}"`),
  unknownUnit: (id: string) => m(`单位“${id}”不存在`, `Unknown org unit "${id}"`),
  rule: () => m("校验未通过", "The check failed"),
  form: () => m("应为表单数据对象", "Expected the form values as an object"),
} as const;

/** Names of the value kinds used in type messages. */
export const kinds = {
  text: m("文本", "text"),
  number: m("数字", "a number"),
  date: m("日期(YYYY-MM-DD)", "a date (YYYY-MM-DD)"),
  datetime: m("日期时间", "a date and time"),
  boolean: m("是/否", "yes or no"),
  list: m("列表", "a list"),
  rows: m("行列表", "a list of rows"),
  files: m("文件列表", "a list of files"),
  signature: m("签名图片", "a signature image"),
  id: m("编号", "an id"),
} as const;

/** A LocalText with `en` filled in from `zh` when missing. */
export function toMessage(text: LocalText): Message {
  return { zh: text.zh, en: text.en ?? text.zh };
}

/** The text for a locale, falling back to Chinese. */
export function localize(text: LocalText | undefined, locale: "zh-CN" | "en"): string {
  if (text === undefined) return "";
  return locale === "en" ? (text.en ?? text.zh) : text.zh;
}
