import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);
// The simulator and ELK answer asynchronously; on a busy two-core CI machine the 1 s default
// wait of findBy/waitFor is too tight for them.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no layout engine. React Flow measures nodes with ResizeObserver and reads
// transforms through DOMMatrix; CodeMirror asks for client rects of text ranges. These stubs
// give them inert answers so the designers mount in tests (geometry itself is not tested here).
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!("ResizeObserver" in globalThis)) {
  Object.assign(globalThis, { ResizeObserver: ResizeObserverStub });
}

class DOMMatrixStub {
  m22 = 1;
  constructor(transform?: string) {
    const scale = /scale\(([\d.]+)\)/.exec(transform ?? "");
    if (scale) this.m22 = Number(scale[1]);
  }
}
if (!("DOMMatrixReadOnly" in globalThis)) {
  Object.assign(globalThis, { DOMMatrixReadOnly: DOMMatrixStub, DOMMatrix: DOMMatrixStub });
}

if (typeof Range !== "undefined") {
  const emptyRect = () => ({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    right: 0,
    bottom: 0,
    width: 0,
    height: 0,
    toJSON: () => ({}),
  });
  Range.prototype.getBoundingClientRect = () => emptyRect() as DOMRect;
  Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
}
