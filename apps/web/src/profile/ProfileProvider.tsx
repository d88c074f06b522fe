import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { useOrg } from "../org/OrgProvider.tsx";
import type { Person } from "../org/orgCatalog.ts";
import { type Actor, actorOf, loadProfile, type Profile, saveProfile } from "./profiles.ts";

interface ProfileState {
  profile: Profile | undefined;
  person: Person | undefined;
  /** Undefined until a person is chosen; screens that act ask for one first. */
  actor: Actor | undefined;
  choose(profile: Profile | undefined): void;
}

const ProfileContext = createContext<ProfileState | null>(null);

/** Holds who the clerk acts as; every screen reads the actor from here and shows only what it may do. */
export function ProfileProvider({ initial, children }: { initial?: Profile; children: ReactNode }) {
  const org = useOrg();
  const [profile, setProfile] = useState<Profile | undefined>(() => initial ?? loadProfile());

  const choose = useCallback((next: Profile | undefined) => {
    setProfile(next);
    saveProfile(next);
  }, []);

  const value = useMemo<ProfileState>(() => {
    const person = profile ? org.person(profile.personId) : undefined;
    const actor = profile ? actorOf(profile, person) : undefined;
    // A stored choice that the catalog no longer knows counts as no choice.
    return actor
      ? { profile, person, actor, choose }
      : { profile: undefined, person: undefined, actor, choose };
  }, [profile, org, choose]);

  return <ProfileContext.Provider value={value}>{children}</ProfileContext.Provider>;
}

/** The chosen person and actor. */
export function useProfile(): ProfileState {
  const value = useContext(ProfileContext);
  if (!value) throw new Error("useProfile must be used inside <ProfileProvider>");
  return value;
}
