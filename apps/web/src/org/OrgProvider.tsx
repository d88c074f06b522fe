import { createContext, type ReactNode, useContext, useMemo } from "react";
import { bundledCatalog, type OrgCatalog, OrgIndex } from "./orgCatalog.ts";

const OrgContext = createContext<OrgIndex | null>(null);

/** Makes the org catalog available to every screen; tests pass a small catalog of their own. */
export function OrgProvider({
  catalog = bundledCatalog,
  children,
}: {
  catalog?: OrgCatalog;
  children: ReactNode;
}) {
  const index = useMemo(() => new OrgIndex(catalog), [catalog]);
  return <OrgContext.Provider value={index}>{children}</OrgContext.Provider>;
}

/** The org catalog with its lookups. */
export function useOrg(): OrgIndex {
  const value = useContext(OrgContext);
  if (!value) throw new Error("useOrg must be used inside <OrgProvider>");
  return value;
}
