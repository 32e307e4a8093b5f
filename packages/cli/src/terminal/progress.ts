import type { ProgressReporter } from "@ambu/core"

/**
 * Progress on standard error: on a terminal, one line per step with the
 * elapsed time, and a row counter that rewrites itself while reading; when
 * output is piped or `--quiet` is given, nothing.
 */
export interface CliProgress extends ProgressReporter {
  readonly rows: (kind: string, rowsRead: number) => void
  readonly done: () => void
}

export const cliProgress = (enabled: boolean): CliProgress => {
  const started = performance.now()
  let counting = false
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`

  const endCounter = () => {
    if (counting) process.stderr.write("\n")
    counting = false
  }

  if (!enabled) return { step: () => {}, rows: () => {}, done: () => {} }
  return {
    step: (message) => {
      endCounter()
      process.stderr.write(`ambu: ${message} (${elapsed()})\n`)
    },
    rows: (kind, rowsRead) => {
      counting = true
      process.stderr.write(`\rambu: reading ${kind}: ${rowsRead.toLocaleString("en-US")} rows (${elapsed()})`)
    },
    done: endCounter,
  }
}
