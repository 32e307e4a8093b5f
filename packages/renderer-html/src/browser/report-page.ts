import { RenderError } from "@ambu/core"
import * as Effect from "effect/Effect"
import type { Browser, Page } from "puppeteer-core"
import { messageOf } from "./chromium.js"

/** The PNG size of a slide: 16:9 at 1600 px wide. */
export const SLIDE_VIEWPORT = { width: 1600, height: 900, deviceScaleFactor: 1 } as const

/** What happened while the page was open: every request it tried (all aborted) and every console error. */
export interface PageStats {
  readonly abortedRequests: ReadonlyArray<string>
  readonly consoleErrors: ReadonlyArray<string>
}

export interface ReportPage {
  readonly page: Page
  /** A snapshot of the counts so far. */
  readonly stats: () => PageStats
}

/**
 * Opens the HTML in a new tab with the network cut off: request
 * interception aborts every request, and counts it. The HTML is set as the
 * page's content, so the document itself is never a request; anything that
 * is one means the page was not self-contained.
 */
export const openReportPage = (
  browser: Browser,
  html: string,
  format: string,
): Effect.Effect<ReportPage, RenderError> =>
  Effect.tryPromise({
    try: async () => {
      const abortedRequests: string[] = []
      const consoleErrors: string[] = []
      const page = await browser.newPage()

      await page.setViewport(SLIDE_VIEWPORT)
      await page.setRequestInterception(true)
      page.on("request", (request) => {
        if (request.isInterceptResolutionHandled()) return
        abortedRequests.push(request.url())
        void request.abort("blockedbyclient")
      })
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(message.text())
      })
      page.on("pageerror", (error) => consoleErrors.push(messageOf(error)))

      await page.setContent(html, { waitUntil: "load" })
      await page.evaluate(() => document.fonts.ready.then(() => undefined))

      return {
        page,
        stats: () => ({ abortedRequests: [...abortedRequests], consoleErrors: [...consoleErrors] }),
      }
    },
    catch: (cause) =>
      new RenderError({
        format,
        message: `${format}: Chromium could not open the report: ${messageOf(cause)}`,
        cause,
      }),
  })

/** The whole deck as a PDF: one page per slide, at the page size the stylesheet asks for. */
export const printPdf = (page: Page, format = "pdf"): Effect.Effect<Uint8Array, RenderError> =>
  Effect.tryPromise({
    try: () => page.pdf({ preferCSSPageSize: true, printBackground: true }),
    catch: (cause) =>
      new RenderError({ format, message: `${format}: printing the PDF failed: ${messageOf(cause)}`, cause }),
  })

/** A captured section: the PNG, and the model slide and page it shows (read from the section's data attributes). */
export interface SlideImage {
  readonly slideNumber: number
  /** 1 on the slide's first page, 2 on its first continuation page, … */
  readonly page: number
  readonly image: Uint8Array
}

/** One PNG per slide section, in page order, each 1600×900. */
export const screenshotSlides = (page: Page, format = "png"): Effect.Effect<SlideImage[], RenderError> =>
  Effect.tryPromise({
    try: async () => {
      const sections = await page.$$("section.slide")
      const images: SlideImage[] = []
      // One at a time: each screenshot scrolls its section into view.
      for (const section of sections) {
        const [slideNumber, pageNumber] = await section.evaluate((element) => [
          Number(element.getAttribute("data-slide-number")),
          Number(element.getAttribute("data-slide-page")),
        ])
        if (!Number.isInteger(slideNumber) || !Number.isInteger(pageNumber) || pageNumber < 1) {
          throw new Error("a slide section has no data-slide-number and data-slide-page")
        }
        images.push({ slideNumber, page: pageNumber, image: await section.screenshot({ type: "png" }) })
      }
      return images
    },
    catch: (cause) =>
      new RenderError({
        format,
        message: `${format}: a slide screenshot failed: ${messageOf(cause)}`,
        cause,
      }),
  })
