import { createContext, type ReactNode, useContext } from "react";
import type { FileRef } from "../schema/formJson";
import type { LocalText } from "../schema/types";

/** A person the person picker can offer. */
export interface PickerPerson {
  id: string;
  name: LocalText;
  /** Shown beside the name to tell namesakes apart (unit, post). */
  detail?: LocalText | undefined;
}

/** An org unit the org picker can offer. */
export interface PickerUnit {
  id: string;
  name: LocalText;
  level?: string | undefined;
}

/**
 * The host's directory, searched synchronously so pickers work offline (the app keeps the org
 * catalog in memory/IndexedDB).
 */
export interface PickerDirectory {
  searchPeople(query: string, filter: { role?: string | undefined }): readonly PickerPerson[];
  person(id: string): PickerPerson | undefined;
  searchUnits(query: string, filter: { level?: string | undefined }): readonly PickerUnit[];
  unit(id: string): PickerUnit | undefined;
}

/** Where attachments go: the host stores the file (IndexedDB, server) and returns a reference. */
export interface FileStorage {
  put(file: File): Promise<FileRef>;
  /** A URL to open a stored file, when the host can give one (shown as a link). */
  url?(ref: FileRef): string | undefined;
  /** Open a stored file (download, viewer), when there is no URL to link to (shown as a button). */
  open?(ref: FileRef): void | Promise<void>;
  /** The stored file's content, to show a stored signature as an image (`url` may not be one). */
  read?(ref: FileRef): Promise<Blob | undefined>;
}

/** Services the host supplies to every form it renders. */
export interface FormHost {
  directory?: PickerDirectory | undefined;
  storage?: FileStorage | undefined;
}

const HostContext = createContext<FormHost>({});

/** Supplies the directory and file storage to the forms below it. */
export function FormHostProvider(props: { host: FormHost; children: ReactNode }) {
  return <HostContext.Provider value={props.host}>{props.children}</HostContext.Provider>;
}

/** The host services of the nearest FormHostProvider (empty when there is none). */
export function useFormHost(): FormHost {
  return useContext(HostContext);
}
