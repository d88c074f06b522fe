import { vi } from "vitest";
import type { FileRef } from "../../src/index";
import type { FormHost, PickerPerson, PickerUnit } from "../../src/react/index";

const people: PickerPerson[] = [
  { id: "p-zhang", name: { zh: "张伟", en: "Zhang Wei" } },
  { id: "p-zhao", name: { zh: "张静", en: "Zhang Jing" } },
  { id: "p-li", name: { zh: "李娜", en: "Li Na" } },
];
const units: PickerUnit[] = [
  { id: "v-1", name: { zh: "东村", en: "East village" }, level: "village" },
  { id: "v-2", name: { zh: "西村", en: "West village" }, level: "village" },
  { id: "t-1", name: { zh: "城关镇", en: "Chengguan town" }, level: "township" },
];

/** An in-memory host: a small directory and a storage that records what it stored. */
export function testHost() {
  const stored: File[] = [];
  const host: FormHost = {
    directory: {
      searchPeople: (q) => people.filter((p) => p.name.zh.includes(q) || (p.name.en ?? "").includes(q)),
      person: (id) => people.find((p) => p.id === id),
      searchUnits: (q, { level }) =>
        units.filter(
          (u) => (u.name.zh.includes(q) || (u.name.en ?? "").includes(q)) && (!level || u.level === level),
        ),
      unit: (id) => units.find((u) => u.id === id),
    },
    storage: {
      put: vi.fn(async (file: File): Promise<FileRef> => {
        stored.push(file);
        return { id: `file-${stored.length}`, name: file.name, size: file.size, type: file.type };
      }),
      url: (ref) => `blob:test/${ref.id}`,
    },
  };
  return { host, stored };
}
