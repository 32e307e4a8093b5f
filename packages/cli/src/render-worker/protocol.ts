import type { OutputFile, Report } from "@ambu/core"

/**
 * The messages between the CLI and its HTML worker thread (html-worker.ts).
 * Everything here crosses a thread by structured clone, so it is plain data:
 * no functions, no class instances.
 */

/** The formats the worker draws: the HTML renderer's family. */
export type WorkerFormat = "html" | "pdf" | "png"

export const WORKER_FORMATS: ReadonlyArray<WorkerFormat> = ["html", "pdf", "png"]

export type ToWorker =
  /** A report, sent once and then named by its id, so that html, pdf and png share one drawn page. */
  | { readonly kind: "report"; readonly reportId: number; readonly report: Report }
  | {
      readonly kind: "render"
      readonly requestId: number
      readonly reportId: number
      readonly format: WorkerFormat
      readonly baseName: string
      readonly options: Readonly<Record<string, unknown>>
    }

/** How a render ended badly: the renderer's own RenderError, or something it threw. */
export type WorkerFailure =
  | { readonly kind: "error"; readonly message: string }
  | { readonly kind: "defect"; readonly name: string; readonly message: string }

export type FromWorker =
  | { readonly kind: "progress"; readonly requestId: number; readonly message: string }
  | { readonly kind: "done"; readonly requestId: number; readonly files: ReadonlyArray<OutputFile> }
  | { readonly kind: "failed"; readonly requestId: number; readonly failure: WorkerFailure }
