import { validateDefinition } from "@wf/engine";
import { definitions, forms, orgUnits, roleCatalog } from "./src/index.ts";

const ctx = {
  forms: forms.map((f) => (f as { id: string }).id),
  roles: roleCatalog.map((r) => r.id),
  definitions: definitions.map((d) => (d as { id: string }).id),
  unitTypes: [...new Set(orgUnits.map((u) => u.type))],
};
for (const d of definitions) {
  const r = validateDefinition(d, ctx);
  console.log((d as { id: string }).id, r.ok ? "OK" : JSON.stringify(r.issues, null, 1));
}
