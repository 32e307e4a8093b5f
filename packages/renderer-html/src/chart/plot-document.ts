import { JSDOM } from "jsdom"

/**
 * A DOM for Observable Plot to draw into on the server. One per rendered
 * page: creating it is the slow part, drawing many charts into it is not.
 */
export const createPlotDocument = (): Document =>
  new JSDOM("<!DOCTYPE html><html><body></body></html>").window.document
