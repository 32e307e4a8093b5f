import { Command, Flag } from "effect/cli"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { z } from "zod"
import { configFlags } from "../config/flags.js"
import { loadRunSetup } from "../config/run-setup.js"
import { reportFailures } from "../run/failure.js"
import { builtinPlugins } from "../run/plugins.js"

/** Each parameter of a metric with its default and description, read from the metric's zod schema. */
const describeParams = (schema: z.ZodType) => {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, { default?: unknown; description?: string; type?: unknown; enum?: unknown }>
  }
  return Object.entries(json.properties ?? {}).map(([name, p]) => ({
    name,
    default: p.default,
    description: p.description ?? "",
  }))
}

export const metricsCommand = Command.make(
  "metrics",
  {
    json: Flag.Boolean("json").pipe(Flag.withDescription("print as JSON"), Flag.withDefault(false)),
    ...configFlags,
  },
  (flags) =>
    Effect.gen(function* () {
      const { registry } = yield* loadRunSetup({
        config: Option.getOrUndefined(flags.config),
        plugins: flags.plugin,
        cwd: process.cwd(),
        builtins: builtinPlugins,
      })
      const metrics = [...registry.metrics.values()].map(({ metric, plugin }) => ({
        id: metric.id,
        plugin,
        title: metric.title.sv,
        titleEn: metric.title.en,
        description: metric.description.en,
        views: metric.viewNames,
        params: describeParams(metric.params),
      }))
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(metrics, null, 2)}\n`)
        return
      }
      for (const m of metrics) {
        process.stdout.write(`${m.id}  (${m.plugin})\n  ${m.titleEn} / ${m.title}\n  ${m.description}\n`)
        for (const p of m.params) {
          process.stdout.write(`  --  ${p.name} = ${JSON.stringify(p.default)}  ${p.description}\n`)
        }
        if (m.views.length > 1) process.stdout.write(`  views: ${m.views.join(", ")}\n`)
        process.stdout.write("\n")
      }
      const formats = [...registry.renderers.values()].map(
        ({ renderer, plugin }) => `${renderer.format} (${plugin})`,
      )
      process.stdout.write(`output formats: ${formats.join(", ")}\n`)
    }).pipe(reportFailures),
).pipe(
  Command.withDescription(
    "List every metric (built-in and plugin) with its parameters and defaults, and the output formats (with --json: the metrics)",
  ),
)
