import { configure, render, screen } from "@testing-library/react";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { vi } from "vitest";
import { App } from "../src/App.tsx";
import type { AppServices, AppServicesOptions } from "../src/engine/appServices.ts";
import { createAppServices } from "../src/engine/appServices.ts";
import { EngineProvider } from "../src/engine/EngineProvider.tsx";
import { I18nProvider } from "../src/i18n/I18nProvider.tsx";
import { OrgProvider } from "../src/org/OrgProvider.tsx";
import { ProfileProvider } from "../src/profile/ProfileProvider.tsx";
import type { Profile } from "../src/profile/profiles.ts";

// These screens read files, load exceljs on demand and hash every audit event of a backup: on a
// busy two-core machine that can take longer than Testing Library's default second.
configure({ asyncUtilTimeout: 5000 });

/** People of the demo region the dashboard, batch and admin tests act as. */
export const people = {
  admin: { personId: "qx-orgdept-admin", unit: "qx-orgdept" },
  township: { personId: "qx-t03-committee1", unit: "qx-t03-pc" },
  villageClerk: { personId: "qx-t03-v02-clerk1", unit: "qx-t03-v02" },
} satisfies Record<string, Profile>;

let counter = 0;
let clockTime = Date.parse("2026-03-02T01:00:00Z");

/**
 * Options for a private database per test (a fresh fake-indexeddb factory) with a clock that
 * moves one second per reading, so timestamps are ordered and repeatable.
 */
export function freshOptions(): AppServicesOptions {
  counter++;
  return {
    dbName: `wf-admin-test-${counter}`,
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    clock: () => {
      clockTime += 1000;
      return new Date(clockTime).toISOString();
    },
    ids: (() => {
      let n = 0;
      return () => `id-${counter}-${++n}`;
    })(),
  };
}

/** Opens the services the app would, on the test's database, to seed or inspect it directly. */
export function openServices(options: AppServicesOptions): Promise<AppServices> {
  return createAppServices(options);
}

/** Renders the whole app at `hash` as `profile`, on the given database, and waits for it to open. */
export async function renderAppAt(hash: string, profile: Profile | undefined, options: AppServicesOptions) {
  window.location.hash = hash;
  const view = render(
    <I18nProvider>
      <OrgProvider>
        <ProfileProvider {...(profile ? { initial: profile } : {})}>
          <EngineProvider options={options} fallback={() => <p>booting</p>}>
            <App />
          </EngineProvider>
        </ProfileProvider>
      </OrgProvider>
    </I18nProvider>,
  );
  await screen.findByRole("main", {}, { timeout: 5000 });
  return view;
}

/**
 * Captures files the app hands to the browser's download: jsdom has no object URLs and does not
 * navigate on an anchor click, so the Blob behind the URL is kept for the test to read.
 */
export function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, blob as Blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) files.push({ name: this.download, blob });
  });
  return files;
}

/** The n-th captured download, failing the test when there is none. */
export function downloaded(files: { name: string; blob: Blob }[], n = 0): File {
  const file = files[n];
  if (!file) throw new Error(`no download #${n}`);
  return new File([file.blob], file.name);
}
