#!/usr/bin/env node
// Writes the scenario scripts (one JSON file per path through a procedure) that
// `pnpm wf simulate <definition> --script <file>` and workflows/test/scenarios.test.ts run.
// The scripts are data; this file only saves typing the same application form thirty times.
// Re-run after changing it: `node workflows/scenarios/generate.mjs`.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const units = JSON.parse(readFileSync(here("../org/units.json"), "utf8"));
const people = JSON.parse(readFileSync(here("../org/people.json"), "utf8"));
const personById = new Map(people.map((p) => [p.id, p]));

const T = (zh, en) => ({ zh, en });
const at = (day, time = "09:00") => `${day}T${time}:00+08:00`;

// ------------------------------------------------------------------ building blocks
const start = (actor, data = {}, extra = {}) => ({ type: "start", actor, data, ...extra });
const act = (actor, step, outcome, extra = {}) => ({ type: "act", actor, step, outcome, ...extra });
const tick = (time) => ({ type: "tick", at: time });
const expect = (what) => ({ type: "expect", ...what });
const refused = (action, error, rule) => ({
  ...action,
  expectError: rule ? { name: error, rule } : { name: error },
});

/** The application form as the cadre would fill it in, from their catalog record. */
function application(personId) {
  const p = personById.get(personId);
  const a = p.attrs;
  const unitId = p.memberships.find((m) => m.role === "cadre").unit;
  const form = {
    personId,
    name: p.name.zh,
    idNumber: a.idNumber,
    birthDate: a.birthDate,
    gender: a.gender,
    unitId,
    category: a.category,
    rank: a.rank,
    healthy: true,
    partyStatus: a.partyStatus,
    workStartDate: a.workStartDate,
    townshipExperienceYears: a.townshipExperienceYears,
    ruralExpertise: a.ruralExpertise,
    intention: "愿意到村任职,为群众办实事,推动村级组织建设。",
  };
  if (a.partyJoinDate) form.partyJoinDate = a.partyJoinDate;
  if (a.ruralExpertise) form.expertiseNote = "长期从事农业技术推广工作。";
  return form;
}
const hrOf = (personId) => {
  const unit = personById.get(personId).memberships.find((m) => m.role === "cadre").unit;
  return unit === "qx-orgdept" ? "qx-orgdept-hr1" : `${unit}-hr1`;
};
const villageWith = (problem, skip = 0) => units.filter((u) => u.attrs?.problem === problem)[skip];
const PROBLEM_OF = {
  "party-mass": "weak-organization",
  government: "poor-management",
  "political-legal": "conflicts",
  "health-construction-agriculture": "lagging-development",
};

const forms = {
  recommendation: { decisionDate: "2026-03-02", opinion: "该同志政治素质好,工作能力强,同意推荐。" },
  qualification: { materialsComplete: true, reviewNote: "材料齐全,符合选派条件。" },
  inspection: (day) => ({
    inspectionDate: day,
    interviewees: 12,
    politicalQuality: "好",
    conclusion: "合格",
    report: "经个别谈话和查阅档案,该同志政治坚定,作风扎实,群众公认度高。",
  }),
  matching: (village) => ({
    villageId: village.id,
    villageType: village.attrs.villageType,
    villageProblem: village.attrs.problem,
    rationale: "按照因村派人、因人定村原则,干部专长与该村需求相符。",
  }),
  decision: (day) => ({ meetingDate: day, meetingNo: "2026年第5次", minutes: "研究同意。" }),
  notice: (day) => ({ noticeStart: day, channel: "清溪市党建网", objectionReceived: false }),
  dispatch: (day) => ({ termStart: day, filingNo: "QX-DYSJ-2026-001", liaison: "单位联络员" }),
};

/** Steps 1–6 of a selection for `cadre`, all on `day`, ending with the approval (notice starts). */
function selectionUntilNotice(cadre, { day = "2026-03-02", def } = {}) {
  const category = personById.get(cadre).attrs.category;
  const village = villageWith(PROBLEM_OF[category]);
  const d = def ? { definition: def } : {};
  return [
    act(cadre, "apply", "submit", { form: application(cadre), ...d }),
    act(hrOf(cadre), "recommend", "recommend", { form: forms.recommendation, ...d }),
    act("qx-orgdept-clerk1", "review", "pass", { form: forms.qualification, ...d }),
    act("qx-orgdept-inspector1", "inspect", "pass", { form: forms.inspection(day), ...d }),
    expect({ ...d, step: "match", data: { suggestedProblem: PROBLEM_OF[category] } }),
    act("qx-orgdept-clerk2", "match", "propose", { form: forms.matching(village), ...d }),
    act("qx-pc-secretary1", "decide", "approve", { form: forms.decision(day), ...d }),
    expect({ ...d, step: "notice", data: { villageId: village.id } }),
  ];
}

// ------------------------------------------------------------------ scenarios
const scenarios = {};
const add = (id, definition, title, clock, actions) => {
  scenarios[id] = { title, definition, clock, actions };
};
const FS = "first-secretary-selection";
const RC = "first-secretary-recall";
const VT = "candidate-vetting";
const MON = "2026-03-02";

add(
  "fs-happy-path",
  FS,
  T(
    "选派第一书记:全流程通过,公示5个工作日期满派驻",
    "Selection: every step passes, the 5-working-day notice runs out, dispatch",
  ),
  at(MON),
  [
    start("cadre-ideal"),
    ...selectionUntilNotice("cadre-ideal"),
    tick(at("2026-03-06", "18:00")),
    expect({ step: "notice" }),
    tick(at("2026-03-09", "18:00")),
    expect({ step: "dispatch" }),
    act("qx-orgdept-clerk1", "dispatch", "dispatch", { form: forms.dispatch("2026-03-10") }),
    expect({ outcome: "dispatched", data: { termStart: "2026-03-10", termEnd: "2028-03-10" } }),
  ],
);

add(
  "fs-notice-over-holiday",
  FS,
  T(
    "公示跨周末和清明假期:第5个工作日期满",
    "Notice across a weekend and the Qingming holiday ends on the 5th working day",
  ),
  at("2026-04-02"),
  [
    start("cadre-ideal"),
    ...selectionUntilNotice("cadre-ideal", { day: "2026-04-02" }),
    // Working days after Thu 2 April: Fri 3 (1); Sat 4 – Mon 6 Qingming; Tue 7 (2), 8 (3), 9 (4), Fri 10 (5).
    expect({ data: { noticeEnd: "2026-04-10" } }),
    tick(at("2026-04-07", "18:00")),
    expect({ step: "notice" }),
    tick(at("2026-04-09", "18:00")),
    expect({ step: "notice" }),
    tick(at("2026-04-10", "18:00")),
    expect({ step: "dispatch" }),
  ],
);

// Approved Wed 30 Sep: 1–7 Oct National Day; Thu 8 (1), Fri 9 (2), Sat 10 is a 调休 working day (3),
// Mon 12 (4), Tue 13 (5).
add(
  "fs-notice-over-national-day",
  FS,
  T("公示跨国庆假期和调休上班的周六", "Notice across National Day and a Saturday worked in exchange (调休)"),
  at("2026-09-30"),
  [
    start("cadre-ideal"),
    ...selectionUntilNotice("cadre-ideal", { day: "2026-09-30" }),
    expect({ data: { noticeEnd: "2026-10-13" } }),
    tick(at("2026-10-12", "18:00")),
    expect({ step: "notice" }),
    tick(at("2026-10-13", "18:00")),
    expect({ step: "dispatch" }),
  ],
);

// The qualification review is due 10 working days after it opens (Mon 2 March → Mon 16 March);
// once overdue, the city organization department may act on it too (督办).
add(
  "fs-review-escalated",
  FS,
  T(
    "资格审查超过10个工作日未办,上级组织部门督办",
    "A review overdue by 10 working days escalates to the city organization department",
  ),
  at(MON),
  [
    start("cadre-ideal"),
    act("cadre-ideal", "apply", "submit", { form: application("cadre-ideal") }),
    act(hrOf("cadre-ideal"), "recommend", "recommend", { form: forms.recommendation }),
    refused(act("mc-orgdept-clerk1", "review", "pass", { form: forms.qualification }), "NotAuthorizedError"),
    tick(at("2026-03-13", "18:00")),
    refused(act("mc-orgdept-clerk1", "review", "pass", { form: forms.qualification }), "NotAuthorizedError"),
    tick(at("2026-03-16", "18:00")),
    act("mc-orgdept-clerk1", "review", "pass", { form: forms.qualification }),
    expect({ step: "inspect" }),
  ],
);

add(
  "fs-notice-early-refused",
  FS,
  T("公示期未满不得提前结束", "The notice cannot be closed before its period ends"),
  at(MON),
  [
    start("cadre-ideal"),
    ...selectionUntilNotice("cadre-ideal"),
    refused(
      act("qx-orgdept-clerk1", "notice", "no-objection", { form: forms.notice(MON) }),
      "ValidationError",
    ),
    expect({ step: "notice" }),
  ],
);

add(
  "fs-objection-upheld",
  FS,
  T(
    "公示期间异议成立,退回组织考察",
    "An objection upheld during the notice sends the case back to inspection",
  ),
  at(MON),
  [
    start("cadre-ideal"),
    ...selectionUntilNotice("cadre-ideal"),
    tick(at("2026-03-04", "10:00")),
    act("qx-orgdept-clerk1", "notice", "objection-upheld", {
      form: {
        ...forms.notice(MON),
        objectionReceived: true,
        objectionText: "群众反映该同志存在违规问题。",
        verification: "经核查,反映问题部分属实。",
      },
      opinion: "异议成立,重新考察。",
    }),
    expect({ step: "inspect" }),
  ],
);

add("fs-declined", FS, T("派出单位不予推荐", "The dispatching unit declines"), at(MON), [
  start("cadre-ideal"),
  act("cadre-ideal", "apply", "submit", { form: application("cadre-ideal") }),
  act(hrOf("cadre-ideal"), "recommend", "decline", {
    form: forms.recommendation,
    opinion: "工作需要,暂不推荐。",
  }),
  expect({ outcome: "declined" }),
]);

add("fs-rejected-at-review", FS, T("资格审查不通过", "Rejected at the qualification review"), at(MON), [
  start("cadre-ideal"),
  act("cadre-ideal", "apply", "submit", { form: application("cadre-ideal") }),
  act(hrOf("cadre-ideal"), "recommend", "recommend", { form: forms.recommendation }),
  refused(act("qx-orgdept-clerk1", "review", "reject", { form: forms.qualification }), "ValidationError"),
  act("qx-orgdept-clerk1", "review", "reject", {
    form: forms.qualification,
    opinion: "经查档案,存在不宜选派情形。",
  }),
  expect({ outcome: "rejected" }),
]);

add(
  "fs-return-for-correction",
  FS,
  T("资格审查退回补正后重新提交", "Returned for correction, corrected and resubmitted"),
  at(MON),
  [
    start("cadre-ideal"),
    act("cadre-ideal", "apply", "submit", { form: application("cadre-ideal") }),
    act(hrOf("cadre-ideal"), "recommend", "recommend", { form: forms.recommendation }),
    act("qx-orgdept-clerk1", "review", "return", {
      form: { materialsComplete: false, corrections: "请补充工作经历。" },
      opinion: "请补充工作经历后重新提交。",
    }),
    expect({ step: "apply" }),
    act("cadre-ideal", "apply", "submit", {
      form: {
        ...application("cadre-ideal"),
        workHistory: [{ from: "2015-08-01", unit: "清溪市农业农村局", post: "科员" }],
      },
    }),
    act(hrOf("cadre-ideal"), "recommend", "recommend", { form: forms.recommendation }),
    act("qx-orgdept-clerk1", "review", "pass", { form: forms.qualification }),
    expect({ step: "inspect" }),
  ],
);

add("fs-inspection-failed", FS, T("组织考察不合格", "Failed the organizational inspection"), at(MON), [
  start("cadre-ideal"),
  act("cadre-ideal", "apply", "submit", { form: application("cadre-ideal") }),
  act(hrOf("cadre-ideal"), "recommend", "recommend", { form: forms.recommendation }),
  act("qx-orgdept-clerk1", "review", "pass", { form: forms.qualification }),
  act("qx-orgdept-inspector1", "inspect", "fail", {
    form: { ...forms.inspection(MON), conclusion: "不合格", politicalQuality: "一般" },
    opinion: "群众公认度不高。",
  }),
  expect({ outcome: "not-qualified" }),
]);

add(
  "fs-matching-returned",
  FS,
  T("人村匹配退回组织考察", "Village matching sends the case back to inspection"),
  at(MON),
  [
    start("cadre-ideal"),
    act("cadre-ideal", "apply", "submit", { form: application("cadre-ideal") }),
    act(hrOf("cadre-ideal"), "recommend", "recommend", { form: forms.recommendation }),
    act("qx-orgdept-clerk1", "review", "pass", { form: forms.qualification }),
    act("qx-orgdept-inspector1", "inspect", "pass", { form: forms.inspection(MON) }),
    act("qx-orgdept-clerk2", "match", "return", {
      form: forms.matching(villageWith("lagging-development")),
      opinion: "需补充考察专业特长。",
    }),
    expect({ step: "inspect" }),
  ],
);

add("fs-committee-rejects", FS, T("常委会不同意选派", "The standing committee rejects"), at(MON), [
  start("cadre-ideal"),
  ...selectionUntilNotice("cadre-ideal").slice(0, -2),
  act("qx-pc-secretary1", "decide", "reject", { form: forms.decision(MON), opinion: "常委会研究不同意。" }),
  expect({ outcome: "rejected-by-committee" }),
]);

add(
  "fs-committee-defers",
  FS,
  T("常委会暂缓研究,下次会议通过", "The standing committee defers, then approves at its next meeting"),
  at(MON),
  [
    start("cadre-ideal"),
    ...selectionUntilNotice("cadre-ideal").slice(0, -2),
    act("qx-pc-secretary1", "decide", "defer", { form: forms.decision(MON), opinion: "待下次常委会研究。" }),
    expect({ step: "decide" }),
    tick(at("2026-03-09", "09:00")),
    act("qx-pc-secretary2", "decide", "approve", { form: forms.decision("2026-03-09") }),
    expect({ step: "notice", data: { noticeStart: "2026-03-09", noticeEnd: "2026-03-16" } }),
  ],
);

for (const [cadre, rule, what] of [
  ["cadre-age58", "age", T("年龄58周岁", "aged 58")],
  ["cadre-probationary", "party-member", T("预备党员", "a probationary party member")],
  ["cadre-standing11m", "party-standing", T("党龄11个月", "11 months of party standing")],
  ["cadre-work23m", "work-years", T("工作经历1年11个月", "1 year 11 months of work")],
]) {
  add(
    `fs-ineligible-${rule}`,
    FS,
    T(`资格条件不符:${what.zh},申请被拦截`, `Ineligible: ${what.en}; the application is refused`),
    at(MON),
    [
      start(cadre),
      refused(act(cadre, "apply", "submit", { form: application(cadre) }), "ValidationError", rule),
      expect({ step: "apply" }),
    ],
  );
}

add(
  "fs-turns-58-before-review",
  FS,
  T(
    "申请时57周岁、资格审查时已满58周岁:第3步复核拦截",
    "57 when applying, 58 at the review: the step-3 re-check blocks",
  ),
  at(MON),
  [
    start("cadre-turning58"),
    act("cadre-turning58", "apply", "submit", { form: application("cadre-turning58") }),
    act(hrOf("cadre-turning58"), "recommend", "recommend", { form: forms.recommendation }),
    tick(at("2026-03-11", "09:00")),
    refused(
      act("qx-orgdept-clerk1", "review", "pass", { form: forms.qualification }),
      "ValidationError",
      "age",
    ),
    act("qx-orgdept-clerk1", "review", "reject", {
      form: forms.qualification,
      opinion: "年龄已超过57周岁。",
    }),
    expect({ outcome: "rejected" }),
  ],
);

add(
  "fs-unit-mobilizes",
  FS,
  T("组织动员:单位人事部门代为申请", "Mobilization: the unit's HR applies on the cadre's behalf"),
  at(MON),
  [
    start("qx-u-publicity-hr1"),
    act("qx-u-publicity-hr1", "apply", "submit", { form: application("cadre-publicity") }),
    expect({ step: "recommend", data: { candidateId: "cadre-publicity" } }),
    act("qx-u-publicity-hr1", "recommend", "recommend", { form: forms.recommendation }),
    expect({ step: "review" }),
  ],
);

add(
  "fs-sod-self-recommend",
  FS,
  T("申请人不得推荐本人", "The applicant may not recommend themselves"),
  at(MON),
  [
    start("qx-u-finance-hr1"),
    act("qx-u-finance-hr1", "apply", "submit", { form: application("qx-u-finance-hr1") }),
    refused(
      act("qx-u-finance-hr1", "recommend", "recommend", { form: forms.recommendation }),
      "SeparationOfDutiesError",
    ),
    expect({ step: "recommend" }),
  ],
);

add(
  "fs-sod-self-review",
  FS,
  T("申请人不得审查本人", "The applicant may not review their own application"),
  at(MON),
  [
    start("qx-orgdept-clerk4"),
    act("qx-orgdept-clerk4", "apply", "submit", { form: application("qx-orgdept-clerk4") }),
    act("qx-orgdept-hr1", "recommend", "recommend", { form: forms.recommendation }),
    refused(
      act("qx-orgdept-clerk4", "review", "pass", { form: forms.qualification }),
      "SeparationOfDutiesError",
    ),
    act("qx-orgdept-clerk1", "review", "pass", { form: forms.qualification }),
    expect({ step: "inspect" }),
  ],
);

add(
  "fs-sod-inspector-decides",
  FS,
  T("考察组成员不得参与决定", "A member of the inspection team may not decide"),
  at(MON),
  [
    start("cadre-ideal"),
    act("cadre-ideal", "apply", "submit", { form: application("cadre-ideal") }),
    act(hrOf("cadre-ideal"), "recommend", "recommend", { form: forms.recommendation }),
    act("qx-orgdept-clerk1", "review", "pass", { form: forms.qualification }),
    act("qx-orgdept-head", "inspect", "pass", { unit: "qx-orgdept", form: forms.inspection(MON) }),
    act("qx-orgdept-clerk2", "match", "propose", {
      form: forms.matching(villageWith("lagging-development")),
    }),
    refused(
      act("qx-orgdept-head", "decide", "approve", { unit: "qx-pc", form: forms.decision(MON) }),
      "SeparationOfDutiesError",
    ),
    act("qx-pc-secretary1", "decide", "approve", { form: forms.decision(MON) }),
    expect({ step: "notice" }),
  ],
);

add(
  "fs-wrong-role",
  FS,
  T("无权办理:角色或单位不符", "Refusals for the wrong role or the wrong unit"),
  at(MON),
  [
    refused(start("qx-t01-committee1"), "NotAuthorizedError"),
    start("cadre-ideal"),
    refused(
      act("cadre-publicity", "apply", "submit", { form: application("cadre-publicity") }),
      "NotAuthorizedError",
    ),
    act("cadre-ideal", "apply", "submit", { form: application("cadre-ideal") }),
    refused(
      act("qx-u-publicity-hr1", "recommend", "recommend", { form: forms.recommendation }),
      "NotAuthorizedError",
    ),
    refused(
      act("cadre-ideal", "recommend", "recommend", { form: forms.recommendation }),
      "NotAuthorizedError",
    ),
    act(hrOf("cadre-ideal"), "recommend", "recommend", { form: forms.recommendation }),
    refused(
      act("qx-orgdept-inspector1", "review", "pass", { form: forms.qualification }),
      "NotAuthorizedError",
    ),
    refused(act("mc-orgdept-clerk1", "review", "pass", { form: forms.qualification }), "NotAuthorizedError"),
    act("qx-orgdept-clerk1", "review", "pass", { form: forms.qualification }),
    refused(
      act("qx-orgdept-clerk1", "inspect", "pass", { form: forms.inspection(MON) }),
      "NotAuthorizedError",
    ),
    expect({ step: "inspect" }),
  ],
);

// ------------------------------------------------------------------ recall
const weak = units.filter((u) => u.attrs?.villageType === "软弱涣散");
const recallReport = (village, trigger, extra) => {
  const fs = personById.get(`${village.id}-fs`);
  return {
    firstSecretaryId: fs.id,
    villageId: village.id,
    dispatchingUnitId: fs.attrs.dispatchingUnit,
    trigger,
    evidence: "经调查走访,情况如下,附相关材料。",
    ...extra,
  };
};
const triggers = {
  incompetent: {
    starter: (v) => `${v.parent}-committee1`,
    extra: { assessmentPeriod: "2025年度", assessmentRating: "不称职" },
    title: T("考核不称职", "rated incompetent"),
  },
  complaint: {
    starter: () => "qx-petition-clerk1",
    extra: { complaintText: "多名群众反映第一书记长期不在村、不办实事。", complaintCount: 15 },
    title: T("群众不满意", "a mass complaint"),
  },
  absence: {
    starter: () => "qx-orgdept-clerk3",
    extra: {
      daysInVillage: [
        { month: "2026-01", days: 21 },
        { month: "2026-02", days: 12 },
      ],
    },
    title: T("每月在村不足20天", "fewer than 20 days a month in the village"),
  },
};
Object.entries(triggers).forEach(([trigger, t], i) => {
  const village = weak[i];
  const fs = personById.get(`${village.id}-fs`);
  const newCadre = ["cadre-publicity", "cadre-politlegal", "cadre-ideal"][i];
  add(
    `rc-${trigger}`,
    RC,
    T(
      `召回:${t.title.zh},重新选派并倒查追究`,
      `Recall for ${t.title.en}, with linked reselection and accountability review`,
    ),
    at(MON),
    [
      start(t.starter(village)),
      act(t.starter(village), "report", "submit", { form: recallReport(village, trigger, t.extra) }),
      act("qx-orgdept-clerk1", "verify", "confirmed", {
        form: { verifiedOn: MON, findings: "经核实,反映情况属实。" },
      }),
      act("qx-orgdept-clerk2", "decide", "recall", {
        form: { decisionDate: MON, decisionNote: "责成派出单位召回。" },
        opinion: "情况属实,予以召回。",
      }),
      act(`${fs.attrs.dispatchingUnit}-hr1`, "confirm", "confirmed", {
        form: { recalledOn: "2026-03-03", handover: "已完成工作交接。" },
      }),
      expect({
        step: ["start-reselection", "review-unit"],
        children: [{ definition: FS, data: { villageId: village.id, recallCaseId: "$case" } }],
      }),
      act("qx-discipline-accountability1", "review-unit", "done", {
        form: {
          finding: "lax",
          measures: ["通报批评", "扣减考核分"],
          reviewNote: "派出单位推荐时把关不严,予以通报批评并扣减党建考核分。",
        },
      }),
      expect({ step: ["start-reselection"] }),
      // The reselection: the dispatching unit's HR started it and applies for a new cadre.
      act(`${fs.attrs.dispatchingUnit}-hr1`, "apply", "submit", {
        definition: FS,
        form: application(newCadre),
      }),
      expect({ definition: FS, step: "recommend", data: { candidateId: newCadre } }),
      // The first trigger follows the reselection to its end: the recall closes only then.
      ...(i > 0
        ? []
        : [
            act(hrOf(newCadre), "recommend", "recommend", { definition: FS, form: forms.recommendation }),
            act("qx-orgdept-clerk3", "review", "pass", { definition: FS, form: forms.qualification }),
            act("qx-orgdept-inspector2", "inspect", "pass", { definition: FS, form: forms.inspection(MON) }),
            act("qx-orgdept-clerk4", "match", "propose", { definition: FS, form: forms.matching(village) }),
            act("qx-pc-secretary2", "decide", "approve", { definition: FS, form: forms.decision(MON) }),
            expect({ step: ["start-reselection"] }),
            tick(at("2026-03-09", "18:00")),
            act("qx-orgdept-clerk1", "dispatch", "dispatch", {
              definition: FS,
              form: forms.dispatch("2026-03-10"),
            }),
            expect({
              definition: FS,
              outcome: "dispatched",
              data: { villageId: village.id, recallCaseId: "$case" },
            }),
            expect({ outcome: "recalled", data: { reselection: "dispatched" } }),
          ]),
    ],
  );
});

add(
  "rc-absence-not-enough",
  RC,
  T("在村天数均达标,不构成履职不到位", "Every month has 20 days in the village: no duty failure"),
  at(MON),
  [
    start("qx-orgdept-clerk3"),
    refused(
      act("qx-orgdept-clerk3", "report", "submit", {
        form: recallReport(weak[3], "absence", {
          daysInVillage: [
            { month: "2026-01", days: 22 },
            { month: "2026-02", days: 20 },
          ],
        }),
      }),
      "ValidationError",
      "absence-below-minimum",
    ),
    expect({ step: "report" }),
  ],
);

add("rc-warning-talk", RC, T("约谈提醒,不予召回", "A warning talk instead of a recall"), at(MON), [
  start("qx-petition-clerk1"),
  act("qx-petition-clerk1", "report", "submit", {
    form: recallReport(weak[4], "complaint", triggers.complaint.extra),
  }),
  act("qx-orgdept-clerk1", "verify", "confirmed", {
    form: { verifiedOn: MON, findings: "部分情况属实,情节较轻。" },
  }),
  act("qx-orgdept-clerk2", "decide", "warning-talk", {
    form: { decisionDate: MON, decisionNote: "约谈提醒。" },
    opinion: "情节较轻,约谈提醒。",
  }),
  expect({ outcome: "warned" }),
]);

add("rc-unfounded", RC, T("经核实情况不属实", "The report proves unfounded"), at(MON), [
  start("qx-petition-clerk1"),
  act("qx-petition-clerk1", "report", "submit", {
    form: recallReport(weak[5], "complaint", triggers.complaint.extra),
  }),
  act("qx-orgdept-clerk1", "verify", "unfounded", {
    form: { verifiedOn: MON, findings: "经核实,反映问题不属实。" },
    opinion: "不属实。",
  }),
  expect({ outcome: "dismissed" }),
]);

add("rc-sod-verifier-decides", RC, T("核实人不得作出召回决定", "Whoever verified may not decide"), at(MON), [
  start("qx-petition-clerk1"),
  act("qx-petition-clerk1", "report", "submit", {
    form: recallReport(weak[6], "complaint", triggers.complaint.extra),
  }),
  act("qx-orgdept-clerk1", "verify", "confirmed", {
    form: { verifiedOn: MON, findings: "经核实,反映情况属实。" },
  }),
  refused(
    act("qx-orgdept-clerk1", "decide", "recall", {
      form: { decisionDate: MON, decisionNote: "召回。" },
      opinion: "召回。",
    }),
    "SeparationOfDutiesError",
  ),
  refused(
    act("qx-petition-clerk1", "decide", "recall", {
      form: { decisionDate: MON, decisionNote: "召回。" },
      opinion: "召回。",
    }),
    "NotAuthorizedError",
  ),
  expect({ step: "decide" }),
]);

// ------------------------------------------------------------------ six-level vetting
const vVillage = units.find((u) => u.id === "qx-t03-v02");
const vTownship = vVillage.parent;
const registration = (post) => ({
  name: "李志强",
  idNumber: "52990119880520031X",
  birthDate: "1988-05-20",
  gender: "男",
  partyStatus: "正式党员",
  villageId: vVillage.id,
  post,
  education: "大专",
  source: "现任两委",
  isSitting: true,
});
const DEPARTMENTS = ["discipline", "police", "court", "procuratorate", "justice", "petition"];
const approveAll = (except) =>
  DEPARTMENTS.filter((d) => d !== except).map((d) =>
    act(`qx-${d}-reviewer1`, "joint-review", "approve", { form: { verdict: "approve" } }),
  );
/** Levels 1–3, all agreeing. */
const levels123 = [
  act(`${vVillage.id}-clerk1`, "tally", "recommended", { form: { meetingDate: MON, voters: 86, votes: 71 } }),
  act(`${vTownship}-team1`, "team-opinion", "agree", { form: { rating: "好", opinionText: "群众基础好。" } }),
  act(`${vTownship}-committee1`, "township-assessment", "agree", {
    form: { rating: "好", opinionText: "同意作为预备人选。" },
  }),
  expect({ step: "joint-review", data: { departments: DEPARTMENTS.map((d) => `qx-${d}`) } }),
];
const filing = {
  filingNo: "QX-BA-2026-017",
  auditRequired: true,
  auditReportNo: "QX-SJ-2026-031",
  auditConclusion: "无问题",
  reviewNote: "审核同意,予以备案。",
};

add(
  "vt-member-qualified",
  VT,
  T(
    "六级评估:委员人选通过(无需市级联审)",
    "Vetting: a committee-member candidate qualifies without the city review",
  ),
  at(MON),
  [
    start(`${vTownship}-committee1`),
    act(`${vTownship}-committee1`, "register", "submit", { form: registration("member") }),
    ...levels123,
    ...approveAll(),
    act("qx-orgdept-clerk1", "county-filing", "file", { form: filing }),
    expect({ outcome: "qualified" }),
  ],
);

add(
  "vt-secretary-qualified",
  VT,
  T("六级评估:书记人选经市级联审通过", "Vetting: a party-secretary candidate passes the city joint review"),
  at(MON),
  [
    start(`${vTownship}-committee1`),
    act(`${vTownship}-committee1`, "register", "submit", { form: registration("secretary") }),
    ...levels123,
    ...approveAll(),
    act("qx-orgdept-clerk1", "county-filing", "file", { form: filing }),
    expect({ step: "city-review" }),
    act("mc-joint-reviewer1", "city-review", "pass", {
      form: { reviewDate: "2026-03-05", reviewNote: "联审通过。" },
    }),
    expect({ outcome: "qualified" }),
  ],
);

for (const dept of DEPARTMENTS) {
  add(
    `vt-veto-${dept}`,
    VT,
    T(
      `第四级联审:${dept} 否决,取消资格并写明部门和理由`,
      `Level 4: ${dept} vetoes; disqualified, naming the department and reason`,
    ),
    at(MON),
    [
      start(`${vTownship}-committee1`),
      act(`${vTownship}-committee1`, "register", "submit", { form: registration("secretary") }),
      ...levels123,
      ...approveAll(dept).slice(0, 2),
      act(`qx-${dept}-reviewer1`, "joint-review", "veto", {
        form: { verdict: "veto", negativeListItem: "under-investigation", reason: "该人员正在被立案调查。" },
        opinion: "属负面清单情形,予以否决。",
      }),
      expect({
        outcome: "disqualified",
        data: {
          disqualifiedAt: "level-4",
          vetoedBy: [`qx-${dept}`],
          vetoes: [
            {
              item: `qx-${dept}`,
              outcome: "veto",
              by: `qx-${dept}-reviewer1`,
              form: { negativeListItem: "under-investigation", reason: "该人员正在被立案调查。" },
            },
          ],
        },
      }),
    ],
  );
}

add("vt-level-1-fails", VT, T("第一级:党员群众推荐未通过", "Level 1: not recommended"), at(MON), [
  start(`${vTownship}-committee1`),
  act(`${vTownship}-committee1`, "register", "submit", { form: registration("member") }),
  act(`${vVillage.id}-clerk1`, "tally", "not-recommended", {
    form: { meetingDate: MON, voters: 86, votes: 30 },
    opinion: "得票未过半。",
  }),
  expect({ outcome: "disqualified" }),
]);
add(
  "vt-level-2-fails",
  VT,
  T("第二级:驻村工作队不同意", "Level 2: the village work team disagrees"),
  at(MON),
  [
    start(`${vTownship}-committee1`),
    act(`${vTownship}-committee1`, "register", "submit", { form: registration("member") }),
    levels123[0],
    act(`${vTownship}-team1`, "team-opinion", "disagree", {
      form: { rating: "差", opinionText: "群众反映较差。" },
      opinion: "不同意。",
    }),
    expect({ outcome: "disqualified" }),
  ],
);
add(
  "vt-level-3-fails",
  VT,
  T("第三级:乡镇党委不同意", "Level 3: the township party committee disagrees"),
  at(MON),
  [
    start(`${vTownship}-committee1`),
    act(`${vTownship}-committee1`, "register", "submit", { form: registration("member") }),
    levels123[0],
    levels123[1],
    act(`${vTownship}-committee1`, "township-assessment", "disagree", {
      form: { rating: "一般", opinionText: "能力不足。" },
      opinion: "不同意。",
    }),
    expect({ outcome: "disqualified" }),
  ],
);
add(
  "vt-level-5-fails",
  VT,
  T("第五级:审计发现严重问题,不予备案", "Level 5: serious audit findings, filing refused"),
  at(MON),
  [
    start(`${vTownship}-committee1`),
    act(`${vTownship}-committee1`, "register", "submit", { form: registration("secretary") }),
    ...levels123,
    ...approveAll(),
    act("qx-orgdept-clerk1", "county-filing", "reject", {
      form: { ...filing, auditConclusion: "严重问题", auditIssues: "任期内村集体资金管理混乱。" },
      opinion: "审计发现严重问题,不予备案。",
    }),
    expect({ outcome: "disqualified" }),
  ],
);
add("vt-level-6-fails", VT, T("第六级:市级联审不通过", "Level 6: the city joint review fails"), at(MON), [
  start(`${vTownship}-committee1`),
  act(`${vTownship}-committee1`, "register", "submit", { form: registration("secretary") }),
  ...levels123,
  ...approveAll(),
  act("qx-orgdept-clerk1", "county-filing", "file", { form: filing }),
  act("mc-joint-reviewer1", "city-review", "fail", {
    form: { reviewDate: "2026-03-05", reviewNote: "不通过。" },
    opinion: "不通过。",
  }),
  expect({ outcome: "disqualified" }),
]);
add(
  "vt-wrong-department",
  VT,
  T("联审:只能由本部门审查人办理", "Joint review: only the department's own reviewers may act"),
  at(MON),
  [
    start(`${vTownship}-committee1`),
    act(`${vTownship}-committee1`, "register", "submit", { form: registration("member") }),
    refused(
      act("qx-t04-v01-clerk1", "tally", "recommended", { form: { meetingDate: MON, voters: 86, votes: 71 } }),
      "NotAuthorizedError",
    ),
    ...levels123,
    refused(
      act("qx-orgdept-clerk1", "joint-review", "approve", { form: { verdict: "approve" } }),
      "NotAuthorizedError",
    ),
    // The outcome must agree with the verdict in the form.
    refused(
      act("qx-police-reviewer1", "joint-review", "approve", {
        form: { verdict: "veto", negativeListItem: "other", reason: "不宜提名。" },
      }),
      "ValidationError",
      "when",
    ),
    expect({ step: "joint-review" }),
  ],
);

// ------------------------------------------------------------------ write
for (const f of readdirSync(here("."))) if (f.endsWith(".json")) rmSync(here(f));
for (const [id, s] of Object.entries(scenarios)) {
  writeFileSync(here(`${id}.json`), `${JSON.stringify({ id, ...s }, null, 2)}\n`);
}
// Biome lays short arrays on one line; format here so the committed files pass `biome check`.
execFileSync(here("../../node_modules/.bin/biome"), ["format", "--write", here(".")], { stdio: "ignore" });
process.stdout.write(`${Object.keys(scenarios).length} scenarios\n`);
