import type { Locale } from "../schema/types";

// The renderer's own words, in both languages; form texts come from the form JSON.
const zh = {
  submit: "提交",
  print: "打印",
  next: "下一步",
  back: "上一步",
  addRow: "添加一行",
  removeRow: (n: number) => `删除第 ${n} 行`,
  row: (n: number) => `第 ${n} 行`,
  cell: (label: string, n: number) => `${label}(第 ${n} 行)`,
  total: "合计",
  choose: "请选择",
  yes: "是",
  no: "否",
  empty: "—",
  errorsTitle: (n: number) => `请更正以下 ${n} 个问题`,
  page: (i: number, n: number) => `第 ${i} 步,共 ${n} 步`,
  search: "搜索",
  noResults: "无匹配结果",
  remove: (name: string) => `移除 ${name}`,
  noStorage: "未配置文件存储,无法上传",
  uploading: "正在上传…",
  clearSignature: "清除签名",
  signHere: "请在此处签名",
  signed: "已签名",
  typedSignature: "或键入姓名作为签名",
  useTyped: "使用键入的签名",
  idInfo: (birth: string, sex: "male" | "female") => `出生日期 ${birth},性别 ${sex === "male" ? "男" : "女"}`,
};

type UiText = typeof zh;

const en: UiText = {
  submit: "Submit",
  print: "Print",
  next: "Next",
  back: "Back",
  addRow: "Add a row",
  removeRow: (n) => `Remove row ${n}`,
  row: (n) => `Row ${n}`,
  cell: (label, n) => `${label} (row ${n})`,
  total: "Total",
  choose: "Choose…",
  yes: "Yes",
  no: "No",
  empty: "—",
  errorsTitle: (n) => (n === 1 ? "Please correct 1 problem" : `Please correct ${n} problems`),
  page: (i, n) => `Step ${i} of ${n}`,
  search: "Search",
  noResults: "No matches",
  remove: (name) => `Remove ${name}`,
  noStorage: "No file storage is configured; uploads are unavailable",
  uploading: "Uploading…",
  clearSignature: "Clear signature",
  signHere: "Sign here",
  signed: "Signed",
  typedSignature: "Or type your name as the signature",
  useTyped: "Use the typed signature",
  idInfo: (birth, sex) => `Born ${birth}, ${sex}`,
};

/** The renderer's interface text for a locale. */
export function uiText(locale: Locale): UiText {
  return locale === "en" ? en : zh;
}

export type { UiText };
