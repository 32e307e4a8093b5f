import { join } from "node:path"
import {
  buildReport,
  checkConfiguredTexts,
  describeFailure,
  formatQualitySummary,
  formatRejectsCsv,
  MetricsFailedError,
  suppressReport,
} from "@ambu/core"
import { Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import { configFlags } from "../config/flags.js"
import { loadRunSetup } from "../config/run-setup.js"
import { reportFailure, StrictModeError, UsageError } from "../run/failure.js"
import { loadInput } from "../run/load-input.js"
import { periodFromFlags } from "../run/period-flags.js"
import { builtinPlugins } from "../run/plugins.js"
import { writeOutputFiles } from "../run/write-files.js"
import { cliProgress } from "../terminal/progress.js"
import { AMBU_VERSION } from "../version.js"
import { inputFlags } from "./shared-flags.js"

export const DEFAULT_FORMATS = "json,html,pdf,pptx"

const generationTime = (flag: Option.Option<string>) => {
  const fromEnv = process.env.SOURCE_DATE_EPOCH
  const text = Option.getOrUndefined(flag)
  if (text !== undefined) {
    const instant = Date.parse(text)
    return Number.isNaN(instant) || !/^\d{4}-\d{2}-\d{2}T/.test(text)
      ? Effect.fail(
          new UsageError({
            message: `--generated-at "${text}" is not an ISO 8601 time, e.g. 2026-01-15T08:00:00Z`,
          }),
        )
      : Effect.succeed(new Date(instant).toISOString())
  }
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv))
    return Effect.succeed(new Date(Number(fromEnv) * 1000).toISOString())
  return Effect.sync(() => new Date().toISOString())
}

export const reportCommand = Command.make(
  "report",
  {
    ...inputFlags,
    ...configFlags,
    from: Flag.String("from").pipe(
      Flag.withDescription(
        "first month of the period, YYYY-MM (with --to); default: the last calendar year with missions in every month",
      ),
      Flag.optional,
    ),
    to: Flag.String("to").pipe(
      Flag.withDescription("last month of the period, YYYY-MM (with --from)"),
      Flag.optional,
    ),
    format: Flag.String("format").pipe(
      Flag.withDescription(
        `comma-separated outputs: json, html, pdf, png, pptx, or a plugin's format (default: ${DEFAULT_FORMATS})`,
      ),
      Flag.withDefault(DEFAULT_FORMATS),
    ),
    lang: Flag.Literals("lang", ["sv", "en"]).pipe(
      Flag.withDescription("language of the report; default: the configuration's language, else sv"),
      Flag.optional,
    ),
    suppressBelow: Flag.Int("suppress-below").pipe(
      Flag.withDescription(
        "hide counts from 1 to N-1 (and what would give them away) for publication; raw metric results are left out of the JSON",
      ),
      Flag.optional,
    ),
    generatedAt: Flag.String("generated-at").pipe(
      Flag.withDescription(
        "the production time the report states (ISO 8601); fix it for byte-identical output (SOURCE_DATE_EPOCH also works)",
      ),
      Flag.optional,
    ),
  },
  (flags) =>
    Effect.gen(function* () {
      const progress = cliProgress(!flags.quiet && process.stderr.isTTY === true)
      const { registry, configured, configFile } = yield* loadRunSetup({
        config: Option.getOrUndefined(flags.config),
        plugins: flags.plugin,
        cwd: process.cwd(),
        builtins: builtinPlugins,
      })
      const language = Option.getOrUndefined(flags.lang) ?? configured.language ?? "sv"
      const formats = flags.format
        .split(",")
        .map((f) => f.trim().toLowerCase())
        .filter((f) => f.length > 0)
      const unknown = formats.filter((f) => !registry.renderers.has(f))
      if (formats.length === 0 || unknown.length > 0) {
        return yield* new UsageError({
          message: `unknown output format ${unknown.map((f) => `"${f}"`).join(", ") || "(none given)"}; choose from: ${[...registry.renderers.keys()].join(", ")}`,
        })
      }
      const period = yield* periodFromFlags(flags.from, flags.to)
      const generatedAt = yield* generationTime(flags.generatedAt)
      const suppressBelow = Option.getOrUndefined(flags.suppressBelow)
      if (suppressBelow !== undefined && suppressBelow < 1) {
        return yield* new UsageError({
          message: `--suppress-below ${suppressBelow}: give the smallest count that may be shown, e.g. 5`,
        })
      }

      const input = yield* loadInput(flags, progress, language)
      const rejectedRows = input.files.reduce((n, f) => n + f.rejected, 0)
      yield* writeOutputFiles(flags.out, [{ path: "rejects.csv", content: formatRejectsCsv(input.rejects) }])
      if (flags.strict && rejectedRows > 0) {
        yield* writeOutputFiles(flags.out, [
          { path: "data-quality.md", content: formatQualitySummary(input.files, {}, "rejects.csv") },
        ])
        return yield* new StrictModeError({
          message: `--strict: ${rejectedRows} input row(s) were rejected; see ${join(flags.out, "rejects.csv")} for file, line, field and reason`,
        })
      }

      progress.step("computing metrics")
      const computed = yield* buildReport({
        dataset: input.dataset,
        files: input.files,
        registry,
        language,
        deck: configured.deck,
        texts: configured.texts,
        generatedAt,
        toolVersion: AMBU_VERSION,
        assumptions: input.assumptions,
        strict: flags.strict,
        progress,
        // Under --strict the refusal lists every failure; otherwise each one is a warning, as its slide is made anyway.
        onMetricFailure: (failure) => {
          if (!flags.strict) {
            process.stderr.write(`ambu: warning: ${describeFailure(failure)}; its slide shows the error\n`)
          }
        },
        ...(period === undefined ? {} : { period }),
      }).pipe(
        // A metric fails the run only under --strict, and that refusal has strict mode's exit code.
        Effect.mapError((error) =>
          error instanceof MetricsFailedError
            ? new StrictModeError({ message: `--strict: ${error.message}` })
            : error,
        ),
      )
      yield* checkConfiguredTexts(configured.texts, computed.slides, configFile ?? "the configuration")
      const coverage = computed.dataQuality.period.missions
      if (coverage.inPeriod === 0) {
        // Not an error: an empty period is a valid (if useless) report, but nobody should publish it unawares.
        process.stderr.write(
          `ambu: warning: no accepted mission lies in ${computed.period.from} to ${computed.period.to} (${coverage.before} before it, ${coverage.after} after it); check --from and --to\n`,
        )
      }
      const report = suppressBelow === undefined ? computed : suppressReport(computed, suppressBelow)

      const written: string[] = []
      for (const format of formats) {
        progress.step(`rendering ${format}`)
        const { renderer } = registry.renderers.get(format)!
        const files = yield* renderer.render(report, {
          baseName: "report",
          options: configured.rendererOptions[format] ?? {},
          progress,
        })
        written.push(...(yield* writeOutputFiles(flags.out, files)))
      }
      const summary = formatQualitySummary(input.files, report.dataQuality.metrics, "rejects.csv", {
        ...report.dataQuality,
        periodText: `${report.period.from} to ${report.period.to}`,
      })
      written.push(...(yield* writeOutputFiles(flags.out, [{ path: "data-quality.md", content: summary }])))
      written.push(join(flags.out, "rejects.csv"))

      progress.step("done")
      process.stdout.write(
        `ambu: report ${report.period.from} to ${report.period.to} for ${report.region}: ${report.slides.length} slides\n` +
          `${written.map((w) => `  ${w}`).join("\n")}\n` +
          (rejectedRows > 0
            ? `ambu: ${rejectedRows} input row(s) rejected; see data-quality.md and rejects.csv\n`
            : ""),
      )
    }).pipe(Effect.catch(reportFailure)),
).pipe(
  Command.withDescription(
    "Make the follow-up report (JSON, HTML, PDF, PNG, PowerPoint) from a missions export and a rescue-service export, or from the bundled sample",
  ),
)
