import { parentPort } from "node:worker_threads"
import type { Report } from "@ambu/core"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import type { FromWorker, ToWorker, WorkerFailure } from "./protocol.js"

/**
 * The worker thread that draws the HTML family (html, pdf, png) while the
 * main thread reads the input, computes the metrics and builds the deck.
 * It starts importing the renderer at once: jsdom and Plot take most of a
 * second to load, and that is the time the main thread spends reading.
 */

const port = parentPort
if (port === null) throw new Error("html-worker.js runs as a worker thread of the ambu command")

const renderers = import("@ambu/renderer-html").then((module) => module.htmlRenderers)
const reports = new Map<number, Report>()

const post = (message: FromWorker): void => port.postMessage(message)

const failureOf = (cause: Cause.Cause<unknown>): WorkerFailure => {
  const error = Cause.findErrorOption(cause)
  if (Option.isSome(error)) {
    const value = error.value
    const message = value instanceof Error ? value.message : String(value)
    return { kind: "error", message }
  }
  const defect = Cause.squash(cause)
  return defect instanceof Error
    ? { kind: "defect", name: defect.name, message: defect.message }
    : { kind: "defect", name: "Error", message: String(defect) }
}

const render = async (request: Extract<ToWorker, { kind: "render" }>): Promise<void> => {
  const { requestId } = request
  const report = reports.get(request.reportId)
  const renderer = (await renderers).find((candidate) => candidate.format === request.format)
  if (report === undefined || renderer === undefined) {
    post({
      kind: "failed",
      requestId,
      failure: {
        kind: "defect",
        name: "Error",
        message: `the worker has no ${request.format} renderer or report`,
      },
    })
    return
  }

  const exit = await Effect.runPromiseExit(
    Effect.suspend(() =>
      renderer.render(report, {
        baseName: request.baseName,
        options: request.options,
        progress: { step: (message) => post({ kind: "progress", requestId, message }) },
      }),
    ),
  )

  // Files are copied, not transferred: a small Buffer lives in Node's shared pool, whose memory must stay.
  if (Exit.isSuccess(exit)) post({ kind: "done", requestId, files: exit.value })
  else post({ kind: "failed", requestId, failure: failureOf(exit.cause) })
}

// One render at a time, in the order asked: html, pdf and png of one report reuse one drawn page.
let queue: Promise<void> = Promise.resolve()
port.on("message", (message: ToWorker) => {
  if (message.kind === "report") {
    reports.clear()
    reports.set(message.reportId, message.report)
    return
  }
  queue = queue.then(() =>
    render(message).catch((thrown: unknown) => {
      // Loading the renderer itself failed: said to the waiting request, so the run ends with a message.
      const failure: WorkerFailure =
        thrown instanceof Error
          ? { kind: "defect", name: thrown.name, message: thrown.message }
          : { kind: "defect", name: "Error", message: String(thrown) }
      post({ kind: "failed", requestId: message.requestId, failure })
    }),
  )
})
