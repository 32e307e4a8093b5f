import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import JSZip from "jszip"
import { beforeAll, describe, expect, it } from "vitest"
import { FIXED_TIME, REPO, runCli, tempDir } from "../support/cli.js"

// jsdom is the HTML renderer's dependency; borrow it rather than add one to the test package.
interface DomWindow {
  readonly document: Document
  readonly DOMParser: typeof DOMParser
}
const { JSDOM } = createRequire(join(REPO, "packages/renderer-html/package.json"))("jsdom") as {
  JSDOM: new (html: string) => { window: DomWindow }
}

/** Text that would become markup, script, a formula or a template if any output trusted it. */
const HOSTILE = {
  station: `<script>alert("st")</script>`,
  municipality: `"><img src=x onerror=alert(1)>`,
  otherMunicipality: `]]></c:v><x:evil/>{{constructor}}`,
  district: `<svg onload=alert(2)>&amp;`,
  resource: `=HYPERLINK("http://x.invalid","y")`,
  missionId: `+1-1@SUM(A1)`,
  index: `<style>*{display:none}</style>`,
}

const geography = {
  region: "Region <b>Test</b>",
  timeZone: "Europe/Stockholm",
  districts: [
    { id: "1", name: HOSTILE.district },
    { id: "2", name: "Lugn" },
  ],
  municipalities: [
    { code: "1280", name: HOSTILE.municipality, district: "1" },
    { code: "1281", name: HOSTILE.otherMunicipality, district: "2" },
  ],
  stations: [
    { name: HOSTILE.station, district: "1", municipality: "1280" },
    { name: "Lund", district: "2", municipality: "1281" },
  ],
}

const MISSION_HEADER =
  "mission_id;case_id;resource_id;station;priority;initial_priority;municipality_code;call_answered_at;dispatched_at;en_route_at;arrived_scene_at;left_scene_at;arrived_destination_at;cleared_at"

/** Twelve months of prio-1 missions from both stations, so every slide has something to show. */
const missions = (): string => {
  const rows = [MISSION_HEADER]
  const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`
  for (let month = 1; month <= 12; month++) {
    for (let n = 0; n < 6; n++) {
      const station = n % 2 === 0 ? quoted(HOSTILE.station) : "Lund"
      const municipality = n % 3 === 0 ? "1281" : "1280"
      const day = `2025-${String(month).padStart(2, "0")}-${String(n + 3).padStart(2, "0")}`
      const id = n === 0 && month === 1 ? quoted(HOSTILE.missionId) : `M${month}-${n}`
      rows.push(
        `${id};C${month}-${n};${quoted(HOSTILE.resource)};${station};1;1;${municipality};${day} 10:00:00;${day} 10:01:00;${day} 10:02:00;${day} 10:11:00;${day} 10:30:00;${day} 10:50:00;${day} 11:00:00`,
      )
    }
  }
  // A rejected row whose values start like formulas: its id repeats the hostile id.
  rows.push(
    `${quoted(HOSTILE.missionId)};C0;${quoted(HOSTILE.resource)};Lund;9;1;1280;;2025-05-05 10:00:00;;;;;`,
  )
  return `${rows.join("\n")}\n`
}

const rescueCases = (): string => {
  const rows = ["case_id;municipality_code;created_at;index_1;index_2;index_3;rescue_resource_confirmed"]
  for (let month = 1; month <= 12; month++) {
    const at = `2025-${String(month).padStart(2, "0")}-10 12:00:00`
    rows.push(`R${month};1280;${at};Sjukvårdslarm;Första hjälpenlarm;Hjärtstopp;ja`)
    rows.push(`Q${month};1281;${at};"${HOSTILE.index}";"${HOSTILE.index}";;ja`)
  }
  return `${rows.join("\n")}\n`
}

const texts = Object.values(HOSTILE)
const dir = tempDir("hostile")
const out = join(dir, "out")

beforeAll(() => {
  writeFileSync(join(dir, "geo.json"), JSON.stringify(geography))
  writeFileSync(join(dir, "missions.csv"), missions())
  writeFileSync(join(dir, "rescue.csv"), rescueCases())
  const result = runCli(
    [
      "report",
      "--format",
      "json,html,pptx",
      "--missions",
      "missions.csv",
      "--rescue",
      "rescue.csv",
      "--geography",
      "geo.json",
      "--out",
      out,
      "--generated-at",
      FIXED_TIME,
      "--quiet",
    ],
    { cwd: dir },
  )
  if (result.status !== 0) throw new Error(`report failed: ${result.stderr}`)
})

describe("hostile text in every text field reaches every output as text", () => {
  it("JSON: the strings round-trip unchanged", () => {
    const json = readFileSync(join(out, "report.json"), "utf8")
    const found = (text: string) => json.includes(JSON.stringify(text).slice(1, -1))
    for (const text of [HOSTILE.station, HOSTILE.municipality, HOSTILE.otherMunicipality, HOSTILE.district]) {
      expect(found(text), text).toBe(true)
    }
    expect(JSON.parse(json).region).toBe(geography.region)
  })

  it("HTML: no element or attribute made from data, the text shown as text, the CSP in place", () => {
    const html = readFileSync(join(out, "report.html"), "utf8")
    const { document } = new JSDOM(html).window

    expect(
      document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content"),
    ).toMatch(/default-src 'none'/)
    // The payloads' own elements and handlers must not exist; scripts and styles are ambu's and Plot's own.
    expect(document.querySelectorAll("img, x\\:evil, evil").length).toBe(0)
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.attributes)
        expect(attribute.name.startsWith("on"), attribute.name).toBe(false)
    }
    for (const script of document.querySelectorAll("script"))
      expect(script.textContent).not.toContain("alert(")
    for (const style of document.querySelectorAll("style"))
      expect(style.textContent).not.toContain("*{display:none}")

    const body = document.body.textContent ?? ""
    for (const text of [HOSTILE.station, HOSTILE.municipality, HOSTILE.district])
      expect(body, text).toContain(text)
    // Inside the charts' SVG the names are text nodes too.
    const svgText = [...document.querySelectorAll("svg")].map((svg) => svg.textContent ?? "").join("\n")
    expect(svgText).toContain(HOSTILE.station)
  })

  it("PPTX: every slide and chart XML is well-formed and holds the strings escaped", async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(out, "report.pptx")))
    const parts = Object.keys(zip.files).filter((name) =>
      /^ppt\/(slides\/slide\d+|charts\/chart\d+)\.xml$/.test(name),
    )
    expect(parts.length).toBeGreaterThan(10)
    const { DOMParser: Parser } = new JSDOM("").window
    let all = ""
    for (const name of parts) {
      const xml = await zip.file(name)!.async("string")
      const parsed = new Parser().parseFromString(xml, "application/xml")
      expect(parsed.getElementsByTagName("parsererror").length, name).toBe(0)
      expect(xml).not.toContain("<script")
      expect(xml).not.toContain("<x:evil")
      all += parsed.documentElement.textContent
    }
    for (const text of [HOSTILE.station, HOSTILE.municipality]) expect(all, text).toContain(text)
  })

  it("rejects.csv: cells that start like a formula are neutralised with a leading apostrophe", () => {
    const rejects = readFileSync(join(out, "rejects.csv"), "utf8")
    // The last row repeats the hostile id: a duplicate-id reject whose value cell gets a ' in front.
    expect(rejects).toContain(",'+1-1@SUM(A1),")
    for (const line of rejects.split("\r\n").filter((l) => l.length > 0)) {
      for (const cell of line.split(",")) expect(cell).not.toMatch(/^[=+\-@]/)
    }
  })

  it("data-quality.md carries no data text, only counts and the file names", () => {
    const summary = readFileSync(join(out, "data-quality.md"), "utf8")
    for (const text of texts) expect(summary).not.toContain(text)
    expect(readdirSync(out).sort()).toEqual(
      [
        "data-quality.md",
        "rejects.csv",
        "report.html",
        "report.json",
        "report.pptx",
        "report.schema.json",
      ].sort(),
    )
  })
})
