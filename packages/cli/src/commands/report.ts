import { join } from "node:path"
import {
  buildReport,
  checkConfiguredTexts,
  describeFailure,
  formatQualitySummary,
  formatRejectsCsv,
  MetricsFailedError,
  runRenderer,
  suppressReport,
  textsInLanguage,
} from "@ambu/core"
import { Command, Flag } from "effect/cli"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Result from "effect/Result"
import { configFlags } from "../config/flags.js"
import { loadRunSetup } from "../config/run-setup.js"
import { WORKER_FORMATS } from "../render-worker/protocol.js"
import { startHtmlWorker } from "../render-worker/worker-client.js"
import { reportFailures, StrictModeError, UsageError } from "../run/failure.js"
import { parseFormats } from "../run/formats.js"
import { generationTime } from "../run/generated-at.js"
import { loadInput } from "../run/load-input.js"
import { periodFromFlags } from "../run/period-flags.js"
import { builtinPlugins } from "../run/plugins.js"
import { writeOutputFiles } from "../run/write-files.js"
import { cliProgress } from "../terminal/progress.js"
import { AMBU_VERSION } from "../version.js"
import { inputFlags } from "./shared-flags.js"

export const DEFAULT_FORMATS = "json,html,pdf,pptx"

export const reportCommand = Command.make(
  "report",
  {
    ...inputFlags,
    ...configFlags,
    from: Flag.String("from").pipe(
      Flag.withDescription(
        "first month of the period, YYYY-MM (with --to); default: the last calendar year the export covers in every month",
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
        "the production time the report states, ISO 8601 with a zone (2026-01-15T08:00:00Z); fix it for byte-identical output (SOURCE_DATE_EPOCH also works)",
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
      const formats = yield* parseFormats(flags.format, [...registry.renderers.keys()])
      // Started now, the HTML worker loads jsdom and Plot while this thread reads the input.
      if (formats.some((format) => (WORKER_FORMATS as ReadonlyArray<string>).includes(format)))
        startHtmlWorker()
      const period = yield* periodFromFlags(flags.from, flags.to)
      const generatedAt = yield* generationTime(
        Option.getOrUndefined(flags.generatedAt),
        process.env.SOURCE_DATE_EPOCH,
      )
      const suppressBelow = Option.getOrUndefined(flags.suppressBelow)
      if (suppressBelow !== undefined && suppressBelow < 1) {
        return yield* new UsageError({
          message: `--suppress-below ${suppressBelow}: give the smallest count that may be shown, e.g. 5`,
        })
      }

      const input = yield* loadInput(flags, progress, language)
      const rejectedRows = input.files.reduce((n, f) => n + f.rejected, 0)
      const writeRejects = writeOutputFiles(flags.out, [
        { path: "rejects.csv", content: formatRejectsCsv(input.rejects) },
      ])
      if (flags.strict && rejectedRows > 0) {
        yield* writeRejects
        yield* writeOutputFiles(flags.out, [
          { path: "data-quality.md", content: formatQualitySummary(input.files, {}, "rejects.csv") },
        ])
        return yield* new StrictModeError({
          message: `--strict: ${rejectedRows} input row(s) were rejected; see ${join(flags.out, "rejects.csv")} for file, line, field and reason`,
        })
      }

      const texts = textsInLanguage(configured.texts, language)
      if (texts.otherLanguages.length > 0) {
        process.stderr.write(
          `ambu: warning: ${configFile ?? "the configuration"}: texts for ${texts.otherLanguages.map((id) => `"${id}"`).join(", ")} are not written in ${language}, so those slides keep their own ${language} text; give texts per language as { "sv": […], "en": […] }\n`,
        )
      }

      progress.step("computing metrics")
      const computed = yield* buildReport({
        dataset: input.dataset,
        files: input.files,
        registry,
        language,
        deck: configured.deck,
        texts: texts.texts,
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
        // The rejected rows explain a report that cannot be made (no mission accepted), so they are written.
        Effect.tapError(() => writeRejects),
        // A metric fails the run only under --strict, and that refusal has strict mode's exit code.
        Effect.mapError((error) =>
          error instanceof MetricsFailedError
            ? new StrictModeError({ message: `--strict: ${error.message}` })
            : error,
        ),
      )
      // Slide ids are known once the metrics have made their slides: checked here, before anything is written.
      yield* checkConfiguredTexts(configured.texts, computed.slides, configFile ?? "the configuration")
      yield* writeRejects
      const coverage = computed.dataQuality.period.missions
      if (coverage.inPeriod === 0) {
        // Not an error: an empty period is a valid (if useless) report, but nobody should publish it unawares.
        process.stderr.write(
          `ambu: warning: no accepted mission lies in ${computed.period.from} to ${computed.period.to} (${coverage.before} before it, ${coverage.after} after it); check --from and --to\n`,
        )
      }
      const report = suppressBelow === undefined ? computed : suppressReport(computed, suppressBelow)

      // The formats render side by side (the HTML family in its worker thread, the rest here); their files
      // are written in the order asked, up to the first that failed, as if they had run one after another.
      const rendered = yield* Effect.forEach(
        formats,
        (format) =>
          Effect.result(
            Effect.suspend(() => {
              progress.step(`rendering ${format}`)
              return runRenderer(registry.renderers.get(format)!, report, {
                baseName: "report",
                options: configured.rendererOptions[format] ?? {},
                progress,
              })
            }),
          ),
        { concurrency: "unbounded" },
      )
      const written: string[] = []
      for (const outcome of rendered) {
        if (Result.isFailure(outcome)) return yield* Effect.fail(outcome.failure)
        written.push(...(yield* writeOutputFiles(flags.out, outcome.success)))
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
    }).pipe(reportFailures),
).pipe(
  Command.withDescription(
    "Make the follow-up report (JSON, HTML, PDF, PNG, PowerPoint) from a missions export and a rescue-service export, or from the bundled sample",
  ),
)
