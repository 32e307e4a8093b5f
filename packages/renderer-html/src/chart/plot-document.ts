import { JSDOM } from "jsdom"

let shared: Document | undefined

/**
 * A DOM for Observable Plot to draw into on the server. Creating one takes
 * about 0.1 s, so one is kept and reused: Plot's elements are never attached
 * to it, and every id Plot numbers is renumbered per chart (`finish-svg.ts`),
 * so reuse does not change a byte of the output.
 */
export const plotDocument = (): Document => {
  shared ??= new JSDOM("<!DOCTYPE html><html><body></body></html>").window.document
  return shared
}

/** A fresh DOM, for tests that must not share state with other renders. */
export const createPlotDocument = (): Document =>
  new JSDOM("<!DOCTYPE html><html><body></body></html>").window.document
