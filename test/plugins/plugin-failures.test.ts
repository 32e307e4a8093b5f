import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Report } from "@ambu/core"
import { describe, expect, it } from "vitest"
import { type CliResult, FIXED_TIME, REPO, runCli, tempDir } from "../support/cli.js"
import { CLEAN, fixturePlugin } from "./fixtures.js"

const CORE = JSON.stringify(join(REPO, "packages/core/dist/index.js"))

/** A failed run: the exit code and one message naming what is wrong, never a stack trace on either stream. */
const expectFailure = (result: CliResult, status: number, ...parts: string[]) => {
  expect(result.status, result.stderr).toBe(status)
  expect(result.stderr).toMatch(/^ambu: error: /)
  expect(result.stderr).not.toMatch(/\n\s+at /)
  expect(result.stdout).toBe("")
  for (const part of parts) expect(result.stderr).toContain(part)
}

/** A folder holding one configuration file; every run below names it, so no other configuration is found. */
const configFile = (config: unknown): { dir: string; file: string } => {
  const dir = tempDir("config")
  const file = join(dir, "ambu.config.json")
  writeFileSync(file, JSON.stringify(config))
  return { dir, file }
}

const readReport = (out: string): Report =>
  Report.parse(JSON.parse(readFileSync(join(out, "report.json"), "utf8")))

const report = (...args: string[]) => {
  const out = tempDir("run")
  return {
    out,
    run: runCli(["report", ...CLEAN, "--out", out, "--quiet", "--generated-at", FIXED_TIME, ...args]),
  }
}

describe("a plugin metric whose output does not fit the report model", () => {
  it("gets an error slide naming plugin, metric and problem; the report stays valid and every format renders", () => {
    const { out, run } = report("--plugin", fixturePlugin("bad-output.mjs"), "--format", "json,html,pptx")
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr.split("\n").filter((l) => l !== "")).toEqual([
      expect.stringMatching(
        /^ambu: warning: plugin "bad-output", metric "bad-chart" could not be shown: its presenter made a slide that is not valid: slide "bad-chart": blocks\[0\]\.\w+: .*; its slide shows the error$/,
      ),
      'ambu: warning: plugin "bad-output", metric "over-used" could not be computed: its data-quality account does not add up: quality.used (5) is more than quality.considered (1); its slide shows the error',
    ])
    // Report.parse above would throw on a document outside the schema.
    const parsed = readReport(out)
    const chart = parsed.slides.find((s) => s.id === "bad-chart")!
    expect(chart.blocks).toHaveLength(1)
    expect(chart.blocks[0]!.kind).toBe("error")
    expect((chart.blocks[0] as { message: string }).message).toMatch(
      /^Måttet "Trasigt diagram" \(bad-chart, från "bad-output"\) kunde inte visas, så här saknas dess siffror\. Tekniskt fel: "its presenter made a slide that is not valid: /,
    )
    expect(parsed.slides.find((s) => s.id === "over-used")!.blocks[0]).toEqual({
      kind: "error",
      message:
        'Måttet "Överanvänt" (over-used, från "bad-output") kunde inte beräknas, så här saknas dess siffror. Tekniskt fel: "its data-quality account does not add up: quality.used (5) is more than quality.considered (1)"',
    })
    // The sound result of bad-chart stays in the JSON; the unsound account of over-used does not.
    expect(parsed.metrics["bad-chart"]!.result).toEqual({ n: 2 })
    expect(parsed.metrics["over-used"]).toBeUndefined()
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("Trasigt diagram")
    expect(existsSync(join(out, "report.pptx"))).toBe(true)
  })

  it("fails under --strict, naming both metrics, and renders nothing", () => {
    const { out, run } = report("--strict", "--plugin", fixturePlugin("bad-output.mjs"), "--format", "json")
    expectFailure(
      run,
      2,
      "ambu: error: --strict: 2 metrics failed:\n",
      '  ✖ plugin "bad-output", metric "bad-chart" could not be shown: ',
      '  ✖ plugin "bad-output", metric "over-used" could not be computed: ',
    )
    expect(existsSync(join(out, "report.json"))).toBe(false)
  })

  it("a slide that takes a built-in slide's id becomes an error slide naming the plugin", () => {
    const { out, run } = report("--plugin", fixturePlugin("takes-builtin-id.mjs"), "--format", "json")
    expect(run.status).toBe(0)
    expect(run.stderr).toBe(
      'ambu: warning: plugin "takes-builtin-id", metric "impostor" could not be shown: its slide id "waiting-time" is already taken by metric "waiting-time" (plugin "@ambu/core"); a metric\'s slide ids should start with its metric id ("impostor"); its slide shows the error\n',
    )
    const slides = readReport(out).slides
    expect(slides.filter((s) => s.id === "waiting-time")).toHaveLength(1)
    expect(slides.find((s) => s.id === "impostor")!.blocks[0]!.kind).toBe("error")
  })
})

describe("a renderer plugin that fails", () => {
  // Each failure is one line on standard error naming format and plugin; nothing on standard output.
  it.each([
    ["typed-failure", "failed: the disk is full"],
    ["throws-inside", "failed: it threw Error: inner kaboom"],
    ["throws-outside", "failed: it threw TypeError: Cannot read properties of undefined (reading 'series')"],
    [
      "escapes",
      "failed: it must return a list of { path, content } files; files[0].path: must be a path inside the output folder",
    ],
  ])("%s", (format, problem) => {
    const { run } = report("--plugin", fixturePlugin("failing-renderers.mjs"), "--format", `json,${format}`)
    expectFailure(run, 1, `ambu: error: output format "${format}" (plugin "failing-renderers") ${problem}`)
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1)
  })
})

describe("plugins that cannot be registered or found", () => {
  it("a plugin with the built-in plugin's name", () => {
    expectFailure(
      runCli(["metrics", "--plugin", fixturePlugin("same-name.mjs")]),
      1,
      `ambu: error: plugin "@ambu/core" (${fixturePlugin("same-name.mjs")}, from --plugin) has the name of ambu's built-in plugin "@ambu/core"; give it a name of its own`,
    )
  })

  it("an ESM-only package (exports with only an import entry) loads by name", () => {
    const dir = tempDir("esm-only")
    const pkg = join(dir, "node_modules/@region/esm-only")
    mkdirSync(pkg, { recursive: true })
    writeFileSync(
      join(pkg, "package.json"),
      JSON.stringify({
        name: "@region/esm-only",
        type: "module",
        exports: { ".": { import: "./index.mjs" } },
      }),
    )
    writeFileSync(
      join(pkg, "index.mjs"),
      `import { definePlugin, defineRenderer } from ${CORE}\n` +
        'export default definePlugin({ name: "@region/esm-only", renderers: [defineRenderer({ format: "esm-only", description: "x", render: () => { throw new Error("not called") } })] })\n',
    )
    writeFileSync(join(dir, "ambu.config.json"), JSON.stringify({ plugins: ["@region/esm-only"] }))
    const run = runCli(["metrics"], { cwd: dir })
    expect(run.stderr).toBe("")
    expect(run.stdout).toContain("esm-only (@region/esm-only)")
  })

  it("an installed package that exports nothing importable says so, not that it is missing", () => {
    const dir = tempDir("cjs-only")
    const pkg = join(dir, "node_modules/cjs-only")
    mkdirSync(pkg, { recursive: true })
    writeFileSync(
      join(pkg, "package.json"),
      JSON.stringify({ name: "cjs-only", exports: { require: "./x.cjs" } }),
    )
    writeFileSync(join(pkg, "x.cjs"), "")
    expectFailure(
      runCli(["metrics", "--plugin", "cjs-only"], { cwd: dir }),
      1,
      `plugin "cjs-only" (from --plugin) cannot be loaded: the package is installed at ${pkg}, but its package.json "exports" has no entry for "."`,
    )
  })
})

describe("one metric shown twice", () => {
  const slides = [
    { builtin: "title" },
    { metric: "waiting-time" },
    { metric: "waiting-time", key: "wt-30", params: { thresholdSeconds: 1800 } },
  ]

  it("works with a key, which names the second slide and its results", () => {
    const { file } = configFile({ slides })
    const { out, run } = report("--config", file, "--format", "json")
    expect(run.stderr).toBe("")
    const parsed = readReport(out)
    expect(parsed.slides.map((s) => s.id)).toEqual(["title", "waiting-time", "wt-30"])
    expect(parsed.parameters["waiting-time"]).toEqual({ thresholdSeconds: 1200 })
    expect(parsed.parameters["wt-30"]).toEqual({ thresholdSeconds: 1800 })
  })

  it("is refused without a key before anything is read, naming the file and both entries", () => {
    const { file } = configFile({
      slides: [slides[0], slides[1], { metric: "waiting-time", params: { thresholdSeconds: 1800 } }],
    })
    const { out, run } = report("--config", file, "--format", "json")
    expectFailure(
      run,
      1,
      `ambu: error: ${file}:\n  ✖ slides[1] and slides[2]: both show metric "waiting-time" under the key "waiting-time" with different parameters`,
    )
    expect(existsSync(out) && existsSync(join(out, "rejects.csv"))).toBe(false)
  })
})

describe("renderer options are checked when the configuration loads", () => {
  it("refuses unknown options of every format at once, before anything is written", () => {
    const { file } = configFile({
      renderers: { pptx: { foo: 1 }, json: { indent: 8 }, html: { colour: "x" } },
    })
    const { out, run } = report("--config", file, "--format", "json")
    expectFailure(
      run,
      1,
      `ambu: error: ${file}:\n`,
      '  ✖ renderers."json": the "json" format (plugin "@ambu/core") has no option "indent"; its options: "theme"',
      '  ✖ renderers."html": the "html" format (plugin "@ambu/renderer-html") has no option "colour"; its options: "theme"',
      '  ✖ renderers."pptx": the "pptx" format (plugin "@ambu/renderer-pptx") has no option "foo"; its options: "theme"',
    )
    expect(existsSync(join(out, "rejects.csv"))).toBe(false)
  })

  it("refuses a wrong value with the file and the key path, before report.json is written", () => {
    const { file } = configFile({ renderers: { html: { theme: { accent: "red" } } } })
    const { out, run } = report("--config", file, "--format", "json,html")
    expectFailure(run, 1, file, 'renderers."html".theme.accent: must be a colour written #rrggbb')
    expect(existsSync(join(out, "report.json"))).toBe(false)
  })
})

describe("texts per language", () => {
  const explanation = (out: string, id: string) =>
    readReport(out)
      .slides.find((s) => s.id === id)!
      .blocks.find((b) => b.kind === "text")

  it("takes each language's paragraphs from a text written per language", () => {
    const { file } = configFile({ texts: { "waiting-time": { sv: "Svensk text.", en: ["English text."] } } })
    const sv = report("--config", file, "--format", "json")
    const en = report("--config", file, "--format", "json", "--lang", "en")
    expect([sv.run.stderr, en.run.stderr]).toEqual(["", ""])
    expect(explanation(sv.out, "waiting-time")).toEqual({ kind: "text", paragraphs: ["Svensk text."] })
    expect(explanation(en.out, "waiting-time")).toEqual({ kind: "text", paragraphs: ["English text."] })
  })

  it("keeps a plain text to the configuration's language, warning when the run is in another", () => {
    const { file } = configFile({ language: "sv", texts: { "waiting-time": "Svensk text." } })
    const en = report("--config", file, "--format", "json", "--lang", "en")
    expect(en.run.status).toBe(0)
    expect(en.run.stderr).toBe(
      `ambu: warning: ${file}: texts for "waiting-time" are not written in en, so those slides keep their own en text; give texts per language as { "sv": […], "en": […] }\n`,
    )
    const paragraphs = (explanation(en.out, "waiting-time") as { paragraphs: string[] }).paragraphs
    expect(paragraphs.join(" ")).not.toContain("Svensk text.")
    expect(paragraphs.length).toBeGreaterThan(0)
  })

  it("refuses a text for a slide the report lacks before anything is written, rejects.csv included", () => {
    const { file } = configFile({ texts: { "waiting-tim": "Egen text." } })
    const { out, run } = report("--config", file, "--format", "json")
    expectFailure(run, 1, 'texts: no slide has the id "waiting-tim"', '"waiting-time"')
    expect(existsSync(join(out, "rejects.csv"))).toBe(false)
  })
})
