import { execFileSync } from "node:child_process"
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Report } from "@ambu/core"
import JSZip from "jszip"
import { beforeAll, describe, expect, it } from "vitest"
import { type CliResult, FIXED_TIME, REPO, runCli, tempDir } from "../support/cli.js"
import { CLEAN, FIXTURES, fixturePlugin } from "./fixtures.js"

const REPORT_FOLDER = join(REPO, "examples/report-folder")
const P90_DIST = join(REPO, "examples/plugin-p90/dist/index.js")

/** A failed run: the exit code and one message naming what is wrong, never a stack trace. */
const expectFailure = (result: CliResult, status: number, ...parts: string[]) => {
  expect(result.status, result.stderr).toBe(status)
  expect(result.stderr).toMatch(/^ambu: error: /)
  expect(result.stderr).not.toMatch(/\n\s+at /)
  for (const part of parts) expect(result.stderr).toContain(part)
}

const readReport = (out: string): Report =>
  Report.parse(JSON.parse(readFileSync(join(out, "report.json"), "utf8")))

/** A folder with one configuration file, for runs that must not see another one. */
const configFolder = (name: string, content: string): { dir: string; file: string } => {
  const dir = tempDir("config")
  const file = join(dir, name)
  writeFileSync(file, content)
  return { dir, file }
}

describe("the example plugins end to end on the bundled sample", () => {
  let out = ""
  let run: CliResult

  beforeAll(() => {
    out = tempDir("examples")
    run = runCli(
      [
        "report",
        "--format",
        "json,html,pdf,png,pptx,csv-tables",
        "--out",
        out,
        "--generated-at",
        FIXED_TIME,
        "--quiet",
      ],
      { cwd: REPORT_FOLDER },
    )
  })

  it("succeeds, with the configuration and both plugins found by package name", () => {
    expect(run.stderr).toBe("")
    expect(run.status).toBe(0)
  })

  it("puts the p90 slide before the data-quality slide in the JSON, with the configured text", () => {
    const report = readReport(out)
    const ids = report.slides.map((s) => s.id)
    expect(ids.indexOf("p90-response")).toBe(ids.length - 2)
    const slide = report.slides.find((s) => s.id === "p90-response")!
    expect(slide.title).toBe("Tid larm till framme hämtadress, 90:e percentilen per kommun")
    expect(slide.blocks.map((b) => b.kind)).toEqual(["text", "chart", "table"])
    expect(slide.blocks[0]).toEqual({
      kind: "text",
      paragraphs: [
        "Ärenden med prioritet 1 för hjälpsökande i regionens kommuner, från första larm till första ambulans framme.",
        "Nio av tio ärenden hade en ambulans på plats inom den tid som visas.",
      ],
    })
    expect(report.parameters["p90-response"]).toEqual({ percent: 90 })
    expect(report.parameters["availability-goal"]).toMatchObject({ goalShare: 0.9 })
  })

  it("keeps the region's percentile between its municipalities' smallest and largest", () => {
    // Every region value is some municipality's value, so the region's percentile cannot leave their range.
    const { result } = readReport(out).metrics["p90-response"] as unknown as {
      result: {
        municipalities: { seconds: number | null; cases: number }[]
        region: { seconds: number; cases: number }
      }
    }
    const values = result.municipalities.flatMap((m) => (m.seconds === null ? [] : [m.seconds]))
    expect(result.region.cases).toBe(result.municipalities.reduce((n, m) => n + m.cases, 0))
    expect(result.region.seconds).toBeGreaterThanOrEqual(Math.min(...values))
    expect(result.region.seconds).toBeLessThanOrEqual(Math.max(...values))
  })

  it("shows the p90 slide in the HTML, which knows nothing of the plugin", () => {
    const html = readFileSync(join(out, "report.html"), "utf8")
    expect(html).toContain("90:e percentilen per kommun")
    expect(html).toContain("Nio av tio ärenden hade en ambulans på plats")
  })

  it("shows the p90 slide in the PDF and among the PNG pages", () => {
    const text = execFileSync("pdftotext", ["-layout", join(out, "report.pdf"), "-"], { encoding: "utf8" })
    expect(text).toContain("90:e percentilen per kommun")
    // One PNG per page of the HTML deck; a long table continues on further pages, so at least one per slide.
    const pngs = readdirSync(join(out, "png")).filter((f) => /^slide-\d{2}\.png$/.test(f))
    expect(pngs.length).toBeGreaterThanOrEqual(readReport(out).slides.length)
  })

  it("shows the p90 slide in the PowerPoint slide XML", async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(out, "report.pptx")))
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
    const texts = await Promise.all(slides.map((f) => zip.file(f)!.async("string")))
    expect(texts.some((xml) => xml.includes("90:e percentilen per kommun"))).toBe(true)
  })

  it("writes every table as CSV, the p90 table among them", () => {
    const tables = readdirSync(join(out, "tables"))
    expect(tables).toContain("index.csv")
    expect(tables).toContain("p90-response-1.csv")
    const csv = readFileSync(join(out, "tables/p90-response-1.csv"), "utf8")
    expect(csv.startsWith("\uFEFFKommun;Ärenden;P90\r\n")).toBe(true)
  })
})

describe("a plugin's figures through the CLI", () => {
  // Clean fixture: one priority 1 case a month per municipality, response 5 + 3k + (month mod 4) minutes
  // for Malmö (k=0), Lund (k=1), Helsingborg (k=2). Malmö: 5,5,5,6,6,6,7,7,7,8,8,8 → rank ⌈10.8⌉ = 11 → 8 min.
  // Lund: 8…11 → 11 min; Helsingborg: 11…14 → 14 min. Region: 36 values, rank ⌈32.4⌉ = 33; counting up
  // 5:3 6:6 7:9 8:15 9:18 10:21 11:27 12:30 13:33 → 13 min.
  it("computes the nearest-rank percentile of a plugin loaded by path", () => {
    const out = tempDir("p90")
    const run = runCli([
      "report",
      ...CLEAN,
      "--plugin",
      P90_DIST,
      "--format",
      "json",
      "--out",
      out,
      "--quiet",
    ])
    expect(run.stderr).toBe("")
    const { result } = readReport(out).metrics["p90-response"] as unknown as {
      result: { municipalities: { name: string; seconds: number | null }[]; region: unknown }
    }
    const seconds = Object.fromEntries(result.municipalities.map((m) => [m.name, m.seconds]))
    expect([seconds.Malmö, seconds.Lund, seconds.Helsingborg, seconds.Ystad]).toEqual([480, 660, 840, null])
    expect(result.region).toEqual({ cases: 36, seconds: 780 })
  })
})

describe("ambu metrics with plugins", () => {
  it("lists the plugin's metric with its parameter and default, from the configuration", () => {
    const run = runCli(["metrics", "--json"], { cwd: REPORT_FOLDER })
    expect(run.stderr).toBe("")
    const metrics = JSON.parse(run.stdout) as {
      id: string
      plugin: string
      params: { name: string; default: unknown }[]
    }[]
    const p90 = metrics.find((m) => m.id === "p90-response")!
    expect(p90.plugin).toBe("@ambu/plugin-p90")
    expect(p90.params).toEqual([expect.objectContaining({ name: "percent", default: 90 })])
    expect(metrics.some((m) => m.id === "waiting-time")).toBe(true)
  })

  it("loads --plugin by package name from the working directory, comma-separated", () => {
    const { file } = configFolder("empty.json", "{}")
    const run = runCli(["metrics", "--config", file, "--plugin", "@ambu/plugin-p90,@ambu/plugin-tables"], {
      cwd: REPORT_FOLDER,
    })
    expect(run.stderr).toBe("")
    expect(run.stdout).toContain("p90-response  (@ambu/plugin-p90)")
    expect(run.stdout).toContain("csv-tables (@ambu/plugin-tables)")
  })

  it("loads a TypeScript configuration, resolving its plugin path from the configuration's folder", () => {
    const folder = join(FIXTURES, "ts-config")
    const run = runCli(["metrics", "--json", "--config", join(folder, "ambu.config.ts")])
    expect(run.stderr).toBe("")
    expect((JSON.parse(run.stdout) as { id: string }[]).map((m) => m.id)).toContain("explodes")
    // The transpiled copy is removed again.
    expect(readdirSync(folder)).toEqual(["ambu.config.ts"])
  })

  it("finds ambu.config.mjs in the working directory and takes its export named config", () => {
    const run = runCli(["metrics", "--json"], { cwd: join(FIXTURES, "mjs-config") })
    expect(run.stderr).toBe("")
    expect((JSON.parse(run.stdout) as { id: string }[]).map((m) => m.id)).toContain("p90-response")
  })
})

describe("plugin failures stop the run with a message naming the plugin", () => {
  it("a plugin that fails the plugin schema", () => {
    expectFailure(
      runCli(["metrics", "--plugin", fixturePlugin("bad-shape.mjs")]),
      1,
      'plugin "bad-shape"',
      "is not a valid ambu plugin",
      "metrics[0].id",
    )
  })

  it("a plugin that throws while it is imported", () => {
    expectFailure(
      runCli(["metrics", "--plugin", fixturePlugin("throws-at-import.mjs")]),
      1,
      "throws-at-import.mjs",
      "failed to load: cannot reach the plugin's licence server",
    )
  })

  it("a module that exports no plugin", () => {
    expectFailure(
      runCli(["metrics", "--plugin", fixturePlugin("no-export.mjs")]),
      1,
      "no-export.mjs",
      "exports no plugin",
    )
  })

  it("two plugins claiming one metric id, naming both", () => {
    expectFailure(
      runCli(["metrics", "--plugin", `${P90_DIST},${fixturePlugin("clash.mjs")}`]),
      1,
      'metric id "p90-response" is claimed by both "@ambu/plugin-p90" and "clashing-p90"',
    )
  })

  it("a plugin claiming a built-in metric's id is refused the same way", () => {
    const { file } = configFolder(
      "clash-builtin.mjs",
      `import { definePlugin } from ${JSON.stringify(join(REPO, "packages/core/dist/index.js"))}
import { p90Response } from ${JSON.stringify(P90_DIST)}
export default definePlugin({ name: "impostor", metrics: [{ ...p90Response, id: "waiting-time" }] })
`,
    )
    expectFailure(
      runCli(["metrics", "--plugin", file]),
      1,
      'metric id "waiting-time" is claimed by both "@ambu/core" and "impostor"',
    )
  })

  it("a path that does not exist, and a package that is not installed", () => {
    expectFailure(
      runCli(["metrics", "--plugin", "./nowhere/plugin.mjs"]),
      1,
      "./nowhere/plugin.mjs",
      "there is no file",
    )
    expectFailure(
      runCli(["metrics", "--plugin", "ambu-plugin-nonexistent"]),
      1,
      '"ambu-plugin-nonexistent"',
      'no package "ambu-plugin-nonexistent" is installed in',
      "npm install ambu-plugin-nonexistent",
    )
  })

  it("fails a report run too, before any input is read", () => {
    const out = tempDir("bad-plugin")
    expectFailure(
      runCli(["report", "--plugin", fixturePlugin("bad-shape.mjs"), "--out", out, "--quiet"]),
      1,
      "bad-shape",
    )
    expect(existsSync(join(out, "rejects.csv"))).toBe(false)
  })
})

describe("a plugin metric that throws at run time", () => {
  it("becomes an error slide naming the metric, and the rest of the report is made", () => {
    const out = tempDir("explodes")
    const run = runCli([
      "report",
      ...CLEAN,
      "--plugin",
      fixturePlugin("explodes.mjs"),
      "--format",
      "json",
      "--out",
      out,
      "--quiet",
    ])
    // One warning line on standard error names the plugin and the metric; the run succeeds.
    expect(run.stderr).toBe(
      'ambu: warning: plugin "explodes", metric "explodes" could not be computed: it threw Error: index out of range in the plugin\'s own code; its slide shows the error\n',
    )
    expect(run.status).toBe(0)
    const report = readReport(out)
    const slide = report.slides.find((s) => s.id === "explodes")!
    // Swedish around the technical detail, which stays as the plugin wrote it.
    expect(slide.blocks).toEqual([
      {
        kind: "error",
        message:
          'Måttet "Trasigt mått" (explodes, från "explodes") kunde inte beräknas, så här saknas dess siffror. Tekniskt fel: "it threw Error: index out of range in the plugin\'s own code"',
      },
    ])
    expect(report.slides.some((s) => s.id === "waiting-time")).toBe(true)
  })

  it("fails the run with exit code 2 under --strict", () => {
    const out = tempDir("explodes-strict")
    expectFailure(
      runCli([
        "report",
        ...CLEAN,
        "--strict",
        "--plugin",
        fixturePlugin("explodes.mjs"),
        "--format",
        "json",
        "--out",
        out,
        "--quiet",
      ]),
      2,
      '--strict: plugin "explodes", metric "explodes" could not be computed: it threw Error: index out of range',
    )
    expect(existsSync(join(out, "report.json"))).toBe(false)
  })
})

describe("configuration errors through the CLI", () => {
  it("a misspelt key, naming the file and the key", () => {
    const { file } = configFolder("ambu.config.json", JSON.stringify({ langauge: "en" }))
    expectFailure(
      runCli(["metrics", "--config", file]),
      1,
      file,
      'unknown key "langauge"',
      "known keys: language",
    )
  })

  it("JSON that does not parse, with the line", () => {
    const { file } = configFolder("ambu.config.json", '{\n  "language": "en",\n}\n')
    expectFailure(runCli(["metrics", "--config", file]), 1, file, "is not valid JSON at line 3")
  })

  it("a parameter outside the metric's own schema, naming the metric and the parameter", () => {
    const { file } = configFolder(
      "ambu.config.json",
      JSON.stringify({ metrics: { "availability-goal": { goalShare: 85 } } }),
    )
    expectFailure(
      runCli(["metrics", "--config", file]),
      1,
      'metrics."availability-goal": metric "availability-goal" parameter "goalShare":',
    )
  })

  it("an unknown metric id in metrics, listing the known ones", () => {
    const { file } = configFolder("ambu.config.json", JSON.stringify({ metrics: { "p90-respons": {} } }))
    expectFailure(
      runCli(["metrics", "--config", file]),
      1,
      'metrics."p90-respons"',
      '"waiting-time"',
      '"median-response"',
    )
  })

  it("an unknown slide id in texts, listing the report's slide ids", () => {
    const { file } = configFolder(
      "ambu.config.json",
      JSON.stringify({ texts: { "waiting-tim": "Egen text." } }),
    )
    const out = tempDir("texts")
    expectFailure(
      runCli(["report", ...CLEAN, "--config", file, "--format", "json", "--out", out, "--quiet"]),
      1,
      'texts: no slide has the id "waiting-tim"',
      '"waiting-time"',
    )
  })

  it("two configuration files side by side", () => {
    const { dir } = configFolder("ambu.config.json", "{}")
    writeFileSync(join(dir, "ambu.config.mjs"), "export default {}\n")
    expectFailure(runCli(["metrics"], { cwd: dir }), 1, "ambu.config.json, ambu.config.mjs", "--config")
  })

  it("a --config that does not exist", () => {
    expectFailure(
      runCli(["metrics", "--config", "nope.json"]),
      1,
      "--config nope.json: there is no such file",
    )
  })
})

describe("the configuration shapes the report", () => {
  it("chooses and orders slides, sets the language, and passes the theme to renderers", () => {
    const { file } = configFolder(
      "ambu.config.json",
      JSON.stringify({
        language: "en",
        slides: [
          { builtin: "title" },
          { metric: "p90-response", params: { percent: 50 } },
          { builtin: "data-quality" },
        ],
        plugins: [P90_DIST],
        texts: { "p90-response": "Configured." },
        theme: { accent: "#123456" },
      }),
    )
    const out = tempDir("shaped")
    const run = runCli([
      "report",
      ...CLEAN,
      "--config",
      file,
      "--format",
      "json,html",
      "--out",
      out,
      "--quiet",
    ])
    expect(run.stderr).toBe("")
    const report = readReport(out)
    expect(report.language).toBe("en")
    expect(report.slides.map((s) => s.id)).toEqual(["title", "p90-response", "data-quality"])
    expect(report.slides[1]!.title).toBe(
      "Time from dispatch to arrival at pick-up address, 50th percentile per municipality",
    )
    expect(report.slides[1]!.blocks[0]).toEqual({ kind: "text", paragraphs: ["Configured."] })
    expect(report.parameters["p90-response"]).toEqual({ percent: 50 })
    // Malmö at 50 %: 5,5,5,6,6,6,… → rank 6 → 6 minutes (a median would say 6.5).
    const { result } = report.metrics["p90-response"] as unknown as {
      result: { municipalities: { name: string; seconds: number }[] }
    }
    expect(result.municipalities.find((m) => m.name === "Malmö")!.seconds).toBe(360)
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("#123456")
  })

  it("--lang wins over the configuration's language", () => {
    const { file } = configFolder("ambu.config.json", JSON.stringify({ language: "en" }))
    const out = tempDir("lang")
    const run = runCli([
      "report",
      ...CLEAN,
      "--config",
      file,
      "--lang",
      "sv",
      "--format",
      "json",
      "--out",
      out,
      "--quiet",
    ])
    expect(run.stderr).toBe("")
    expect(readReport(out).language).toBe("sv")
  })
})
