#!/usr/bin/env node
// Generates units.json and people.json for the demo region (明川市 / 清溪市) from fixed name
// lists and a seeded PRNG, so the catalog is reproducible: `node workflows/org/generate.mjs`
// rewrites both files byte for byte. Numbers follow seed 001 (27 townships, 197 villages) and
// the 36 weak villages of seed 002; village types follow seed 003. Edit the lists, not the JSON.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (name) => fileURLToPath(new URL(name, import.meta.url));

/** Ages, standing and years of work in README.md are stated at this date (the demo clock). */
export const REFERENCE_DATE = "2026-03-01";

// mulberry32: tiny, deterministic, good enough to spread demo data.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20211213);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (list) => list[Math.floor(rand() * list.length)];
function shuffle(list) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
const pad = (n, w = 2) => String(n).padStart(w, "0");
const date = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;

// ---------------------------------------------------------------- units
const CITY = "mc";
const COUNTY = "qx";
const units = [];
const unit = (id, zh, en, type, parent, level, attrs) => {
  const u = { id, name: { zh, en }, type };
  if (level) u.level = level;
  if (parent) u.parent = parent;
  if (attrs) u.attrs = attrs;
  units.push(u);
  return u;
};

unit(CITY, "明川市", "Mingchuan City", "city", undefined, "city");
unit("mc-orgdept", "中共明川市委组织部", "Mingchuan City Organization Department", "org-dept", CITY);
unit(
  "mc-jointreview",
  "明川市村“两委”候选人联审办公室",
  "Mingchuan City Joint Review Office",
  "joint-review",
  CITY,
);

unit(COUNTY, "清溪市", "Qingxi City (county-level)", "county", CITY, "county");

/** County departments with a fixed role in the procedures, and the seed-002 category of each. */
const countyDepartments = [
  ["qx-pc", "中共清溪市委", "CPC Qingxi City Committee", "party-committee", "party-mass"],
  ["qx-orgdept", "中共清溪市委组织部", "Qingxi Organization Department", "org-dept", "party-mass"],
  [
    "qx-discipline",
    "清溪市纪委监委",
    "Qingxi Discipline Inspection and Supervision Commission",
    "discipline",
    "party-mass",
  ],
  ["qx-police", "清溪市公安局", "Qingxi Public Security Bureau", "police", "political-legal"],
  ["qx-court", "清溪市人民法院", "Qingxi People's Court", "court", "political-legal"],
  [
    "qx-procuratorate",
    "清溪市人民检察院",
    "Qingxi People's Procuratorate",
    "procuratorate",
    "political-legal",
  ],
  ["qx-justice", "清溪市司法局", "Qingxi Justice Bureau", "justice", "political-legal"],
  ["qx-petition", "清溪市信访局", "Qingxi Petition Bureau", "petition", "government"],
  [
    "qx-rural",
    "清溪市乡村振兴局",
    "Qingxi Rural Revitalization Bureau",
    "unit",
    "health-construction-agriculture",
  ],
];
for (const [id, zh, en, type, category] of countyDepartments)
  unit(id, zh, en, type, COUNTY, undefined, { category });

/** County units (县直单位) that dispatch first secretaries, typed by seed 002's four categories. */
const countyUnits = [
  ["general-office", "中共清溪市委办公室", "General Office of the City Committee", "party-mass"],
  ["publicity", "中共清溪市委宣传部", "Publicity Department", "party-mass"],
  ["united-front", "中共清溪市委统战部", "United Front Work Department", "party-mass"],
  ["trade-union", "清溪市总工会", "Federation of Trade Unions", "party-mass"],
  ["youth-league", "共青团清溪市委", "Communist Youth League Committee", "party-mass"],
  ["women", "清溪市妇女联合会", "Women's Federation", "party-mass"],
  ["gov-office", "清溪市人民政府办公室", "General Office of the City Government", "government"],
  ["development", "清溪市发展和改革局", "Development and Reform Bureau", "government"],
  ["finance", "清溪市财政局", "Finance Bureau", "government"],
  ["education", "清溪市教育局", "Education Bureau", "government"],
  ["hr-social", "清溪市人力资源和社会保障局", "Human Resources and Social Security Bureau", "government"],
  ["market", "清溪市市场监督管理局", "Market Regulation Bureau", "government"],
  ["political-legal", "中共清溪市委政法委员会", "Political and Legal Affairs Commission", "political-legal"],
  ["health", "清溪市卫生健康局", "Health Bureau", "health-construction-agriculture"],
  [
    "housing",
    "清溪市住房和城乡建设局",
    "Housing and Urban-Rural Development Bureau",
    "health-construction-agriculture",
  ],
  [
    "agriculture",
    "清溪市农业农村局",
    "Agriculture and Rural Affairs Bureau",
    "health-construction-agriculture",
  ],
  ["water", "清溪市水务局", "Water Resources Bureau", "health-construction-agriculture"],
  ["forestry", "清溪市林业局", "Forestry Bureau", "health-construction-agriculture"],
  ["natural-resources", "清溪市自然资源局", "Natural Resources Bureau", "health-construction-agriculture"],
];
for (const [id, zh, en, category] of countyUnits)
  unit(`qx-u-${id}`, zh, en, "unit", COUNTY, undefined, { category });

const townships = [
  ["青山镇", "Qingshan Town"],
  ["桃源镇", "Taoyuan Town"],
  ["石门乡", "Shimen Township"],
  ["白沙镇", "Baisha Town"],
  ["龙潭镇", "Longtan Town"],
  ["云岭乡", "Yunling Township"],
  ["清泉镇", "Qingquan Town"],
  ["柳河镇", "Liuhe Town"],
  ["金竹乡", "Jinzhu Township"],
  ["松林镇", "Songlin Town"],
  ["凤岗镇", "Fenggang Town"],
  ["梅溪乡", "Meixi Township"],
  ["东坪镇", "Dongping Town"],
  ["西坝镇", "Xiba Town"],
  ["南岭乡", "Nanling Township"],
  ["北溪镇", "Beixi Town"],
  ["马场镇", "Machang Town"],
  ["杨柳乡", "Yangliu Township"],
  ["红岩镇", "Hongyan Town"],
  ["黄泥乡", "Huangni Township"],
  ["高桥镇", "Gaoqiao Town"],
  ["新田镇", "Xintian Town"],
  ["长冲乡", "Changchong Township"],
  ["大湾镇", "Dawan Town"],
  ["小河乡", "Xiaohe Township"],
  ["城东街道", "Chengdong Subdistrict"],
  ["城西街道", "Chengxi Subdistrict"],
];
if (townships.length !== 27) throw new Error("seed 001: 27 townships");

const villageFirst = [
  ["上", "Shang"],
  ["下", "Xia"],
  ["中", "Zhong"],
  ["前", "Qian"],
  ["后", "Hou"],
  ["新", "Xin"],
  ["老", "Lao"],
  ["大", "Da"],
  ["小", "Xiao"],
  ["红", "Hong"],
  ["花", "Hua"],
  ["竹", "Zhu"],
  ["茶", "Cha"],
  ["杉", "Shan"],
  ["枫", "Feng"],
  ["荷", "He"],
  ["桂", "Gui"],
  ["兰", "Lan"],
  ["安", "An"],
  ["和", "He"],
];
const villageSecond = [
  ["坪", "ping"],
  ["寨", "zhai"],
  ["田", "tian"],
  ["坝", "ba"],
  ["湾", "wan"],
  ["冲", "chong"],
  ["沟", "gou"],
  ["岭", "ling"],
  ["塘", "tang"],
  ["庄", "zhuang"],
  ["垭", "ya"],
  ["堡", "bao"],
];
const villageNames = shuffle(
  villageFirst.flatMap(([a, ap]) => villageSecond.map(([b, bp]) => [`${a}${b}村`, `${ap}${bp} Village`])),
).slice(0, 197);

// Seed 003's four village types (36 weak villages as in seed 002), and seed 002's four kinds of
// problem that drive matching (因村派人): which department category suits the village.
const villageTypes = shuffle([
  ...Array.from({ length: 45 }, () => ["脱贫村", "lagging-development"]),
  ...Array.from({ length: 58 }, () => ["乡村振兴任务重", "lagging-development"]),
  ...Array.from({ length: 12 }, () => ["乡村振兴任务重", "poor-management"]),
  ...Array.from({ length: 24 }, () => ["软弱涣散", "weak-organization"]),
  ...Array.from({ length: 12 }, () => ["软弱涣散", "poor-management"]),
  ...Array.from({ length: 46 }, () => ["矛盾集中", "conflicts"]),
]);
if (villageTypes.length !== 197) throw new Error("seed 001: 197 villages");

const villages = [];
let v = 0;
townships.forEach(([zh, en], t) => {
  const tid = `qx-t${pad(t + 1)}`;
  unit(tid, zh, en, "township", COUNTY, "township");
  unit(`${tid}-pc`, `中共${zh}委员会`, `${en} Party Committee`, "party-committee", tid);
  const count = t < 8 ? 8 : 7; // 8*8 + 19*7 = 197
  for (let i = 1; i <= count; i++) {
    const [vzh, ven] = villageNames[v];
    const [villageType, problem] = villageTypes[v];
    v++;
    villages.push(unit(`${tid}-v${pad(i)}`, vzh, ven, "village", tid, "village", { villageType, problem }));
  }
});

// ---------------------------------------------------------------- people
const surnames = [
  ["王", "Wang"],
  ["李", "Li"],
  ["张", "Zhang"],
  ["刘", "Liu"],
  ["陈", "Chen"],
  ["杨", "Yang"],
  ["黄", "Huang"],
  ["赵", "Zhao"],
  ["吴", "Wu"],
  ["周", "Zhou"],
  ["徐", "Xu"],
  ["孙", "Sun"],
  ["罗", "Luo"],
  ["龙", "Long"],
  ["韦", "Wei"],
  ["邓", "Deng"],
  ["何", "He"],
  ["田", "Tian"],
];
const givenNames = [
  ["建国", "Jianguo"],
  ["晓梅", "Xiaomei"],
  ["志强", "Zhiqiang"],
  ["丽娟", "Lijuan"],
  ["海燕", "Haiyan"],
  ["文杰", "Wenjie"],
  ["明辉", "Minghui"],
  ["春兰", "Chunlan"],
  ["永刚", "Yonggang"],
  ["雪莲", "Xuelian"],
  ["俊峰", "Junfeng"],
  ["秀英", "Xiuying"],
  ["德华", "Dehua"],
  ["玉洁", "Yujie"],
  ["国庆", "Guoqing"],
  ["思远", "Siyuan"],
  ["佳怡", "Jiayi"],
  ["宇航", "Yuhang"],
  ["婷婷", "Tingting"],
  ["子豪", "Zihao"],
  ["红梅", "Hongmei"],
  ["立新", "Lixin"],
  ["静", "Jing"],
  ["磊", "Lei"],
  ["敏", "Min"],
  ["勇", "Yong"],
];
const usedNames = new Set();
function personName() {
  for (;;) {
    const [s, sp] = pick(surnames);
    const [g, gp] = pick(givenNames);
    if (!usedNames.has(s + g)) {
      usedNames.add(s + g);
      return { zh: s + g, en: `${sp} ${gp}` };
    }
  }
}

const REGION = "529901"; // not a real division code: demo ID numbers only
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";
let idSeq = 100;
/** A resident ID number with a valid check digit; the sequence's parity carries the gender. */
function idNumber(birthDate, gender) {
  idSeq += 2;
  const seq = idSeq + (gender === "男" ? 1 : 0);
  const body = `${REGION}${birthDate.replaceAll("-", "")}${pad(seq % 1000, 3)}`;
  const sum = [...body].reduce((s, c, i) => s + Number(c) * WEIGHTS[i], 0);
  return body + CHECK[sum % 11];
}

const people = [];
const person = (id, memberships, attrs = {}, name = personName()) => {
  const p = { id, name, memberships: memberships.map(([u, role]) => ({ unit: u, role })), attrs };
  people.push(p);
  return p;
};
const staff = (id, memberships, extra = {}) => {
  const gender = rand() < 0.5 ? "男" : "女";
  return person(id, memberships, { gender, ...extra });
};

/** Cadre attributes the eligibility rules read; `over` replaces generated values (edge cases). */
function cadreAttrs(category, over = {}) {
  const gender = rand() < 0.55 ? "男" : "女";
  const age = int(26, 52);
  const birthDate = date(2026 - age - 1, int(1, 12), int(1, 28));
  const workYears = Math.max(2, Math.min(age - 23, int(3, 25)));
  const partyYears = Math.max(1, Math.min(age - 20, int(2, 20)));
  const rank =
    age <= 30 ? pick(["科员", "副科"]) : age <= 40 ? pick(["副科", "正科", "科员"]) : pick(["正科", "副科"]);
  const a = {
    gender,
    birthDate,
    partyStatus: rand() < 0.08 ? "群众" : "正式党员",
    partyJoinDate: date(2025 - partyYears, int(1, 12), int(1, 28)),
    workStartDate: date(2025 - workYears, int(7, 9), 1),
    rank,
    townshipExperienceYears: rand() < 0.6 ? int(0, 1) : int(2, 8),
    ruralExpertise: rand() < 0.35,
    category,
    ...over,
  };
  if (a.partyStatus === "群众") delete a.partyJoinDate;
  a.idNumber = idNumber(a.birthDate, a.gender);
  return a;
}

// City level: organization department clerks and the city joint review.
staff("mc-orgdept-clerk1", [["mc-orgdept", "org-dept"]]);
staff("mc-joint-reviewer1", [["mc-jointreview", "city-reviewer"]]);
staff("mc-joint-reviewer2", [["mc-jointreview", "city-reviewer"]]);

// County organization department: several clerks so separation of duties can be staffed.
// The head (部长) sits on the standing committee, as in real life: the decide step must refuse
// him when he led the inspection.
staff("qx-orgdept-head", [
  ["qx-orgdept", "org-dept"],
  ["qx-orgdept", "inspection-team"],
  ["qx-pc", "standing-committee"],
]);
for (let i = 1; i <= 4; i++) staff(`qx-orgdept-clerk${i}`, [["qx-orgdept", "org-dept"]]);
// Clerk 4 is also a cadre, to show an applicant cannot review their own application.
people.at(-1).memberships.push({ unit: "qx-orgdept", role: "cadre" });
Object.assign(people.at(-1).attrs, cadreAttrs("party-mass"));
for (let i = 1; i <= 3; i++) staff(`qx-orgdept-inspector${i}`, [["qx-orgdept", "inspection-team"]]);
staff("qx-orgdept-admin", [
  ["qx-orgdept", "admin"],
  ["qx-orgdept", "org-dept"],
]);
for (let i = 1; i <= 2; i++) staff(`qx-pc-secretary${i}`, [["qx-pc", "standing-committee"]]);

// The six joint-review departments of vetting level 4, each with two reviewers.
for (const d of ["discipline", "police", "court", "procuratorate", "justice", "petition"]) {
  for (let i = 1; i <= 2; i++) staff(`qx-${d}-reviewer${i}`, [[`qx-${d}`, "joint-reviewer"]]);
}
staff("qx-petition-clerk1", [["qx-petition", "petition-clerk"]]);
for (let i = 1; i <= 2; i++)
  staff(`qx-discipline-accountability${i}`, [["qx-discipline", "accountability-reviewer"]]);

// County units: an HR clerk and cadres who may apply.
const cadreUnits = [
  ...countyUnits.map(([id, , , c]) => [`qx-u-${id}`, c]),
  ["qx-rural", "health-construction-agriculture"],
];
const cadres = [];
for (const [uid, category] of cadreUnits) {
  staff(`${uid}-hr1`, [[uid, "unit-hr"]]);
  for (let i = 1; i <= 3; i++)
    cadres.push(person(`${uid}-cadre${i}`, [[uid, "cadre"]], cadreAttrs(category)));
}
// The finance bureau's HR clerk is also a cadre: may not recommend their own application.
const financeHr = people.find((p) => p.id === "qx-u-finance-hr1");
financeHr.memberships.push({ unit: "qx-u-finance", role: "cadre" });
Object.assign(financeHr.attrs, cadreAttrs("government"));

// Named cadres for scenario tests: one that passes every rule and matches every preference, and
// one edge case per eligibility rule (see README.md; stated at REFERENCE_DATE).
const named = [
  [
    "cadre-ideal",
    "qx-u-agriculture",
    "health-construction-agriculture",
    {
      birthDate: "1992-05-20",
      gender: "女",
      partyStatus: "正式党员",
      partyJoinDate: "2016-07-01",
      workStartDate: "2015-08-01",
      rank: "正科",
      townshipExperienceYears: 1,
      ruralExpertise: true,
    },
  ],
  [
    "cadre-publicity",
    "qx-u-publicity",
    "party-mass",
    {
      birthDate: "1994-10-08",
      gender: "男",
      partyStatus: "正式党员",
      partyJoinDate: "2018-06-15",
      workStartDate: "2017-07-01",
      rank: "副科",
      townshipExperienceYears: 0,
      ruralExpertise: false,
    },
  ],
  [
    "cadre-politlegal",
    "qx-u-political-legal",
    "political-legal",
    {
      birthDate: "1988-03-12",
      gender: "男",
      partyStatus: "正式党员",
      partyJoinDate: "2012-07-01",
      workStartDate: "2011-08-01",
      rank: "正科",
      townshipExperienceYears: 3,
      ruralExpertise: false,
    },
  ],
  [
    "cadre-age58",
    "qx-u-water",
    "health-construction-agriculture",
    {
      birthDate: "1967-06-15",
      gender: "男",
      partyStatus: "正式党员",
      partyJoinDate: "1992-07-01",
      workStartDate: "1988-08-01",
      rank: "正科",
      townshipExperienceYears: 6,
      ruralExpertise: true,
    },
  ],
  [
    "cadre-probationary",
    "qx-u-education",
    "government",
    {
      birthDate: "1996-02-03",
      gender: "女",
      partyStatus: "预备党员",
      partyJoinDate: "2025-06-30",
      workStartDate: "2019-07-01",
      rank: "科员",
      townshipExperienceYears: 0,
      ruralExpertise: false,
    },
  ],
  [
    "cadre-standing11m",
    "qx-u-health",
    "health-construction-agriculture",
    {
      birthDate: "1993-09-09",
      gender: "女",
      partyStatus: "正式党员",
      partyJoinDate: "2025-04-01",
      workStartDate: "2016-07-01",
      rank: "副科",
      townshipExperienceYears: 1,
      ruralExpertise: true,
    },
  ],
  [
    "cadre-work23m",
    "qx-u-market",
    "government",
    {
      birthDate: "1998-12-01",
      gender: "男",
      partyStatus: "正式党员",
      partyJoinDate: "2021-05-04",
      workStartDate: "2024-04-01",
      rank: "科员",
      townshipExperienceYears: 0,
      ruralExpertise: false,
    },
  ],
];
for (const [id, uid, category, over] of named) {
  person(id, [[uid, "cadre"]], cadreAttrs(category, over));
}

// Townships: a party-committee clerk and a village work team member each.
townships.forEach((_, t) => {
  const tid = `qx-t${pad(t + 1)}`;
  staff(`${tid}-committee1`, [[`${tid}-pc`, "township-committee"]]);
  staff(`${tid}-team1`, [[tid, "village-team"]]);
});

// Villages: one clerk each for the recommendation tally (vetting level 1).
for (const vu of villages) staff(`${vu.id}-clerk1`, [[vu.id, "village-clerk"]]);

// Sitting first secretaries in the 36 weak villages (软弱涣散), dispatched from county units two
// years ago; the recall procedure is about them.
const weak = villages.filter((vu) => vu.attrs.villageType === "软弱涣散");
weak.forEach((vu, i) => {
  const [uid, category] = cadreUnits[i % cadreUnits.length];
  person(
    `${vu.id}-fs`,
    [
      [vu.id, "first-secretary"],
      [uid, "cadre"],
    ],
    {
      ...cadreAttrs(category),
      dispatchingUnit: uid,
      termStart: "2025-03-01",
      termEnd: "2027-03-01",
    },
  );
});

// Added after the first release; kept last so the generated people above keep their data.
person(
  "cadre-turning58",
  [["qx-u-forestry", "cadre"]],
  cadreAttrs("health-construction-agriculture", {
    birthDate: "1968-03-10",
    gender: "男",
    partyStatus: "正式党员",
    partyJoinDate: "1995-07-01",
    workStartDate: "1990-08-01",
    rank: "正科",
    townshipExperienceYears: 4,
    ruralExpertise: true,
  }),
);
staff("qx-orgdept-hr1", [["qx-orgdept", "unit-hr"]]);

// `--check` compares instead of writing: exit 1 when the committed JSON is not what the lists give.
const check = process.argv.includes("--check");
let stale = 0;
const write = (file, value) => {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (!check) return writeFileSync(here(file), text);
  if (readFileSync(here(file), "utf8") !== text) {
    stale++;
    process.stderr.write(`${file} is out of date: run node workflows/org/generate.mjs\n`);
  }
};
write("units.json", units);
write("people.json", people);
process.stdout.write(`units: ${units.length}, villages: ${villages.length}, people: ${people.length}\n`);
if (stale > 0) process.exitCode = 1;
