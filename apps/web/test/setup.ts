import "fake-indexeddb/auto";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// Each component test starts with an empty screen and a fresh choice of person and language.
afterEach(() => {
  cleanup();
  localStorage.clear();
  window.location.hash = "";
});
