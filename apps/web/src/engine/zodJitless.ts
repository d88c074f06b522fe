import { z } from "zod";

// zod 4 probes `new Function` when a schema is built, to decide whether to compile fast parsers;
// the CSP forbids eval, so zod must hear "jitless" before the engine builds any schema. main.tsx
// imports this module on its own, before the engine (a dynamic import of "zod" itself would keep
// all of zod in the bundle).
z.config({ jitless: true });
