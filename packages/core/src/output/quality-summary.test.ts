import { describe, expect, it } from "vitest"
import type { FileQuality, MetricQuality } from "../model/report-model.js"
import { formatQualitySummary } from "./quality-summary.js"

const file: FileQuality = {
  file: "missions.csv",
  kind: "missions",
  read: 10,
  accepted: 8,
  rejected: 2,
  rejectedByReason: { "unknown-priority": 1, "duplicate-id": 1 },
  warnings: { "ambiguous-local-time": 1 },
}

const quality: MetricQuality = {
  unit: "cases",
  considered: 7,
  used: 5,
  leftOut: [{ reason: "missing-arrived-scene-at", count: 2 }],
  ambiguousLocalTimes: 1,
}

describe("formatQualitySummary", () => {
  it("lists files, the period, unknown texts and every metric's account", () => {
    const text = formatQualitySummary([file], { "waiting-time": quality }, "rejects.csv", {
      periodText: "2025-01 to 2025-12",
      period: {
        missions: { inPeriod: 6, before: 1, after: 1 },
        rescueCases: { inPeriod: 0, before: 0, after: 0 },
      },
      unmatched: {
        stations: [{ name: "Malmo|x", missions: 3 }],
        municipalityCodes: [{ code: "0780", missions: 2 }],
      },
    })

    expect(text.split("\n")).toEqual([
      "# Data quality",
      "",
      "## missions.csv (missions)",
      "",
      "- rows read: 10",
      "- accepted: 8",
      "- rejected: 2",
      "  - duplicate-id: 1",
      "  - unknown-priority: 1",
      "- warnings (rows kept):",
      "  - ambiguous-local-time: 1",
      "",
      "Rejected rows, with file, line, field and reason: rejects.csv",
      "",
      "## Against the report period (2025-01 to 2025-12)",
      "",
      "- missions: 6 in the period, 1 before it, 1 after it",
      "- rescue cases: 0 in the period, 0 before it, 0 after it",
      "",
      "## Not in the reference data",
      "",
      "| kind | as written | missions | counts as |",
      "|---|---|---:|---|",
      // The | of the data is escaped so the row keeps its four columns.
      "| home station | Malmo\\|x | 3 | external resource |",
      "| municipality code | 0780 | 2 | caller outside the region |",
      "",
      "## Per metric",
      "",
      "| metric | unit | population | used | left out | why | used on an ambiguous time |",
      "|---|---|---:|---:|---:|---|---:|",
      "| waiting-time | cases | 7 | 5 | 2 | no arrival at scene: 2 | 1 |",
      "",
    ])
  })
})
