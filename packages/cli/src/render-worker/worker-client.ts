import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Worker } from "node:worker_threads"
import { type OutputFile, type RenderContext, RenderError, type Report } from "@ambu/core"
import * as Effect from "effect/Effect"
import type { FromWorker, ToWorker, WorkerFormat } from "./protocol.js"

/**
 * The CLI's side of the HTML worker thread. The HTML family is drawn there
 * so that a run asking for html (or pdf, png) and pptx uses both cores: the
 * worker loads jsdom and Plot while this thread reads the input, and draws
 * the page while this thread builds the deck.
 *
 * Where the compiled worker is missing (the CLI's sources run directly, as
 * in unit tests) the caller renders in this thread instead.
 */

const WORKER_FILE = new URL("./html-worker.js", import.meta.url)

interface Pending {
  readonly resolve: (files: ReadonlyArray<OutputFile>) => void
  readonly reject: (error: RenderError | Error) => void
  readonly context: RenderContext
  readonly format: WorkerFormat
}

class HtmlWorker {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private readonly reportIds = new WeakMap<Report, number>()
  private nextId = 1

  constructor() {
    this.worker = new Worker(fileURLToPath(WORKER_FILE))
    this.worker.on("message", (message: FromWorker) => this.receive(message))
    this.worker.on("error", (error) => this.failAll(error))
    this.worker.on("exit", (code) =>
      this.failAll(new Error(`the HTML worker thread stopped (exit code ${code})`)),
    )
    // Idle, the worker must not keep the command alive; it is held only while a render waits. After the
    // listeners: adding a "message" listener refs the worker's port again.
    this.worker.unref()
  }

  render(format: WorkerFormat, report: Report, context: RenderContext): Promise<ReadonlyArray<OutputFile>> {
    const reportId = this.sendReport(report)
    const requestId = this.nextId++
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref()
      this.pending.set(requestId, { resolve, reject, context, format })
      this.post({
        kind: "render",
        requestId,
        reportId,
        format,
        baseName: context.baseName,
        options: context.options,
      })
    })
  }

  private sendReport(report: Report): number {
    const known = this.reportIds.get(report)
    if (known !== undefined) return known
    const reportId = this.nextId++
    this.reportIds.set(report, reportId)
    this.post({ kind: "report", reportId, report })
    return reportId
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message)
  }

  private receive(message: FromWorker): void {
    const request = this.pending.get(message.requestId)
    if (request === undefined) return
    if (message.kind === "progress") {
      request.context.progress.step(message.message)
      return
    }
    this.settle(message.requestId)
    if (message.kind === "done") {
      request.resolve(message.files)
    } else if (message.failure.kind === "error") {
      request.reject(new RenderError({ format: request.format, message: message.failure.message }))
    } else {
      const defect = new Error(message.failure.message)
      defect.name = message.failure.name
      request.reject(defect)
    }
  }

  private settle(requestId: number): void {
    this.pending.delete(requestId)
    if (this.pending.size === 0) this.worker.unref()
  }

  private failAll(error: Error): void {
    for (const [requestId, request] of this.pending) {
      this.settle(requestId)
      request.reject(error)
    }
  }
}

let shared: HtmlWorker | undefined

/** Whether the compiled worker is there to start (it is not when the sources run directly). */
export const htmlWorkerAvailable = (): boolean => existsSync(fileURLToPath(WORKER_FILE))

/**
 * Starts the worker now, so that it loads the renderer while the input is
 * read; later renders use it. Does nothing where it is not available.
 */
export const startHtmlWorker = (): void => {
  if (shared === undefined && htmlWorkerAvailable()) shared = new HtmlWorker()
}

/**
 * Renders one format of the HTML family in the worker: a RenderError of the
 * renderer comes back as one, anything it threw as a defect, as if it had
 * run here.
 */
export const renderInWorker = (
  format: WorkerFormat,
  report: Report,
  context: RenderContext,
): Effect.Effect<ReadonlyArray<OutputFile>, RenderError> =>
  Effect.suspend(() => {
    startHtmlWorker()
    const worker = shared!
    return Effect.tryPromise({
      try: () => worker.render(format, report, context),
      catch: (thrown) => thrown,
    }).pipe(
      Effect.catch((thrown) => (thrown instanceof RenderError ? Effect.fail(thrown) : Effect.die(thrown))),
    )
  })
