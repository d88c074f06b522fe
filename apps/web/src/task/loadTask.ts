import {
  type AuditEvent,
  type InstanceRecord,
  instanceOfTask,
  NotFoundError,
  type TaskRecord,
} from "@wf/engine";
import { readMirror } from "../drafts/draftMirror.ts";
import type { AppServices } from "../engine/appServices.ts";

/** What a clerk's draft holds: the form as typed and the opinion, saved together. */
export interface TaskDraft {
  form?: Record<string, unknown>;
  opinion?: string;
  savedAt: string;
}

/** A task with its case, the case's log and this person's draft. */
export interface LoadedTask {
  task: TaskRecord;
  instance: InstanceRecord;
  events: AuditEvent[];
  draft: TaskDraft | undefined;
}

/** Reads everything the task page shows; a task id names its case, so this needs no index. */
export async function loadTask(services: AppServices, taskId: string, personId: string): Promise<LoadedTask> {
  const { store } = services;
  const instanceId = instanceOfTask(taskId);
  const [instance, tasks, events, draft] = await Promise.all([
    store.loadInstance(instanceId),
    store.queryTasks({ instanceId }),
    store.events(instanceId),
    store.loadDraft(taskId, personId),
  ]);
  const task = tasks.find((t) => t.id === taskId);
  if (!instance || !task) throw new NotFoundError(`task ${taskId} not found`);
  const values = draft?.values as Partial<TaskDraft> | undefined;
  const stored: TaskDraft | undefined = draft
    ? {
        ...(values?.form ? { form: values.form } : {}),
        ...(typeof values?.opinion === "string" ? { opinion: values.opinion } : {}),
        savedAt: draft.savedAt,
      }
    : undefined;
  // The localStorage mirror is newer when the page unloaded before IndexedDB finished writing.
  const mirror = readMirror(taskId, personId);
  const newest =
    mirror && (!stored || Date.parse(mirror.savedAt) > Date.parse(stored.savedAt)) ? mirror : stored;
  return { task, instance, events, draft: newest };
}
