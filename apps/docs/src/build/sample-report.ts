import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs"
import { basename, join } from "node:path"
import { bundledSamplePaths } from "@ambu/core"
import { escapeHtml, htmlTable } from "../site/html.js"
import { runCli } from "./run-cli.js"

/** The production time the sample report states, fixed so the site is the same on every build. */
export const SAMPLE_GENERATED_AT = "2026-01-15T08:00:00Z"

export interface SampleReport {
  /** The sample report's JSON document, for metric pages that quote its results. */
  readonly report: { readonly metrics: Readonly<Record<string, { readonly result: unknown }>> }
  /** The page section: the embedded HTML report and the downloads. */
  readonly section: string
}

const sizeOf = (path: string): string => {
  const bytes = statSync(path).size
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`
}

/**
 * Runs `ambu report` on the bundled sample into `<site>/sample/` (JSON,
 * HTML, PDF and PowerPoint) and copies the sample's input files beside it.
 * The PDF needs Chromium; without it the CLI fails and so does the build,
 * which is meant: a docs site without its sample is not worth publishing.
 */
export const buildSampleReport = (siteDir: string): SampleReport => {
  const outDir = join(siteDir, "sample")
  mkdirSync(outDir, { recursive: true })
  const runOutput = runCli([
    "report",
    "--format",
    "json,html,pdf,pptx",
    "--generated-at",
    SAMPLE_GENERATED_AT,
    "--out",
    outDir,
    "--quiet",
  ])

  const inputs = Object.values(bundledSamplePaths()).map((path) => {
    copyFileSync(path, join(outDir, basename(path)))
    return basename(path)
  })

  const downloads: ReadonlyArray<readonly [string, string]> = [
    ["report.pdf", "the report as PDF (16:9 pages)"],
    ["report.pptx", "the report as PowerPoint, with native tables and charts"],
    ["report.html", "the report as one self-contained HTML page"],
    ["report.json", "the report as JSON (see the JSON page)"],
    ["data-quality.md", "the data-quality summary: rows read, accepted, rejected; what each metric left out"],
    ["rejects.csv", "the rejected input rows with file, line, field and reason"],
    ...inputs.map((name): readonly [string, string] => [name, "the bundled sample input this report was made from"]),
  ]
  const rows = downloads.map(([file, what]) => {
    const path = join(outDir, file)
    if (!existsSync(path)) throw new Error(`docs: the sample run wrote no ${file}; ambu said:\n${runOutput}`)
    return [`<a href="sample/${file}" download>${escapeHtml(file)}</a>`, escapeHtml(what), sizeOf(path)]
  })

  const section = [
    htmlTable(["file", "what it is", "size"], rows),
    `<p>The command that made them (from the repository root):</p>`,
    `<pre><code>pnpm ambu report --format json,html,pdf,pptx --generated-at ${SAMPLE_GENERATED_AT} --out sample-report</code></pre>`,
    `<h2 id="the-report">The report</h2>`,
    `<iframe class="sample-frame" src="sample/report.html" title="The sample report, HTML version"></iframe>`,
  ].join("\n")

  const report = JSON.parse(readFileSync(join(outDir, "report.json"), "utf8")) as SampleReport["report"]
  return { report, section }
}
