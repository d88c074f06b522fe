/**
 * The build whose shipped JSON is checked against the database once (see seedShipped.ts).
 * Production builds only: in development the JSON changes under a running server, so every
 * start looks.
 */
export const shippedBuild: string | undefined =
  import.meta.env.PROD && typeof __APP_BUILD__ === "string" ? __APP_BUILD__ : undefined;
