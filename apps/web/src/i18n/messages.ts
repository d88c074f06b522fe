/**
 * The app's own words, in Simplified Chinese (the default) and English. Text that comes from
 * definitions and forms is not here: it carries its own `{ zh, en }` and goes through `pickText`.
 * Placeholders are written `{name}` and filled by `format`.
 */
import { adminEn } from "./catalog/adminEn.ts";
import { adminZh } from "./catalog/adminZh.ts";
import { workEn } from "./catalog/workEn.ts";
import { workZh } from "./catalog/workZh.ts";

const shellZh = {
  "app.name": "村级党务工作流",
  "app.short": "党务工作流",
  "app.skip": "跳到主要内容",
  "nav.inbox": "待办",
  "nav.start": "发起",
  "nav.cases": "案件",
  "nav.profile": "我是谁",
  "nav.main": "主导航",
  "lang.switch": "English",
  "lang.switchLabel": "Switch to English",
  "profile.title": "我是谁",
  "profile.localNotice":
    "本版本没有服务器:这里的身份选择只保存在本浏览器中,用于演示各角色的办理权限,不是登录。",
  "profile.current": "当前身份",
  "profile.none": "尚未选择身份",
  "profile.choose": "选择身份",
  "profile.chooseFirst": "请先在“我是谁”中选择一个演示身份。",
  "profile.use": "以此身份办理",
  "profile.inUse": "当前使用中",
  "profile.search": "搜索姓名、单位或角色",
  "profile.roles": "角色",
  "profile.unit": "单位",
  "profile.count": "共 {n} 人",
  "profile.empty": "没有符合条件的人员。",
  "profile.switchTo": "切换身份",
  "profile.missing": "组织目录中还没有人员数据(workflows/org/people.json)。",
  "profile.allRoles": "全部角色",
  "profile.build": "应用版本 {id}",
  "guide.title": "演示路线",
  "guide.intro": "按顺序切换到下列人员,即可把一项业务从发起办到办结(与自动化测试使用的场景相同)。",
  "profile.more": "再显示(剩余 {n} 人)",
  "update.available": "有新版本可用 — 您的草稿已保存。",
  "update.reload": "立即更新",
  "update.later": "稍后",
  "update.offlineReady": "应用已缓存,可离线使用。",
  "update.dismiss": "知道了",
  "common.loading": "加载中…",
  "common.cancel": "取消",
  "common.confirm": "确认",
  "common.close": "关闭",
  "common.back": "返回",
  "common.retry": "重试",
  "error.title": "出错了",
  "error.unexpected": "发生意外错误:{message}",
  "notFound.title": "页面不存在",
  "notFound.body": "找不到地址“{path}”。",
  "notFound.home": "返回待办",
} as const;

/** Every key the app may show; each English catalog must cover its Chinese one (a type error if not). */
const zh = { ...shellZh, ...workZh, ...adminZh };
export type MessageKey = keyof typeof zh;

const shellEn: Record<keyof typeof shellZh, string> = {
  "app.name": "Village Party Work Flow",
  "app.short": "Party Work Flow",
  "app.skip": "Skip to main content",
  "nav.inbox": "Inbox",
  "nav.start": "Start",
  "nav.cases": "Cases",
  "nav.profile": "Who am I",
  "nav.main": "Main navigation",
  "lang.switch": "中文",
  "lang.switchLabel": "切换到中文",
  "profile.title": "Who am I",
  "profile.localNotice":
    "This build has no server: the person you choose here is stored only in this browser, to try each role's permissions. It is not a sign-in.",
  "profile.current": "Acting as",
  "profile.none": "No person chosen yet",
  "profile.choose": "Choose a person",
  "profile.chooseFirst": "Choose a demo person under “Who am I” first.",
  "profile.use": "Act as this person",
  "profile.inUse": "In use",
  "profile.search": "Search name, unit or role",
  "profile.roles": "Roles",
  "profile.unit": "Unit",
  "profile.count": "{n} people",
  "profile.empty": "Nobody matches.",
  "profile.switchTo": "Switch person",
  "profile.missing": "The org catalog has no people yet (workflows/org/people.json).",
  "profile.allRoles": "All roles",
  "profile.build": "App build {id}",
  "guide.title": "Demo walk-throughs",
  "guide.intro":
    "Switch to these people in order to take a procedure from start to end (the same scenarios the automated tests run).",
  "profile.more": "Show more ({n} left)",
  "update.available": "A new version is available — your drafts are saved.",
  "update.reload": "Update now",
  "update.later": "Later",
  "update.offlineReady": "The app is cached and works offline.",
  "update.dismiss": "OK",
  "common.loading": "Loading…",
  "common.cancel": "Cancel",
  "common.confirm": "Confirm",
  "common.close": "Close",
  "common.back": "Back",
  "common.retry": "Retry",
  "error.title": "Something went wrong",
  "error.unexpected": "Unexpected error: {message}",
  "notFound.title": "Page not found",
  "notFound.body": "Nothing lives at “{path}”.",
  "notFound.home": "Back to inbox",
};

const en: Record<MessageKey, string> = { ...shellEn, ...workEn, ...adminEn };

export type Lang = "zh" | "en";

export const catalogs: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
