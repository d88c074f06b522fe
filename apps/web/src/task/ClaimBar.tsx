import type { Instance, TaskRecord } from "@wf/engine";
import { useState } from "react";
import { useEngine } from "../engine/EngineProvider.tsx";
import { explainError } from "../engine/explainError.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { Said } from "../i18n/said.ts";
import type { Actor } from "../profile/profiles.ts";
import { SaidNotice } from "../ui/SaidNotice.tsx";

/**
 * Claim or release a task offered to a role: claiming tells colleagues with the same role that
 * someone is on it (it leaves their "mine" list); releasing gives it back. Person tasks need neither.
 */
export function ClaimBar({
  task,
  actor,
  version,
  onChanged,
}: {
  task: TaskRecord;
  actor: Actor;
  /** The case version this page works against; claiming moves it on. */
  version: number;
  onChanged(instance: Instance): void;
}) {
  const { t } = useI18n();
  const { services, changed } = useEngine();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Said>();
  const [claimedBy, setClaimedBy] = useState(task.claimedBy);
  if ("person" in task.assignee || (claimedBy !== undefined && claimedBy !== actor.id)) return null;

  const run = async (kind: "claim" | "release") => {
    setBusy(true);
    setError(undefined);
    try {
      const request = { taskId: task.id, actor, actionId: crypto.randomUUID(), expectedVersion: version };
      const result =
        kind === "claim" ? await services.engine.claim(request) : await services.engine.release(request);
      setClaimedBy(kind === "claim" ? actor.id : undefined);
      onChanged(result);
      changed();
    } catch (e) {
      setError(explainError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="claim-bar">
      {claimedBy === actor.id ? (
        <>
          <span className="badge badge-ok">{t("task.claimedByMe")}</span>
          <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void run("release")}>
            {t("task.release")}
          </button>
        </>
      ) : (
        <>
          <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void run("claim")}>
            {t("task.claim")}
          </button>
          <span className="field-hint">{t("task.claimHint")}</span>
        </>
      )}
      {error && <SaidNotice said={error} />}
    </div>
  );
}
