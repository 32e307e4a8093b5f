import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { runCli } from "../src/build/run-cli.js"
import { DOCS_DIR } from "../src/site/paths.js"

/** The fenced blocks of docs/input.md by their label: "```csv missions-en" gives `missions-en`. */
const examples = (): Record<string, string> => {
  const markdown = readFileSync(join(DOCS_DIR, "input.md"), "utf8")
  return Object.fromEntries(
    [...markdown.matchAll(/```csv ([a-z-]+)\n([\s\S]*?)```/g)].map((m) => [m[1]!, m[2]!]),
  )
}

interface FileSummary {
  readonly read: number
  readonly accepted: number
  readonly rejected: number
  readonly rejectedByReason: Readonly<Record<string, number>>
  readonly warnings: Readonly<Record<string, number>>
}

/** `ambu validate --json` on two example blocks, as a reader would run it on the files. */
const validate = (missions: string, rescue: string): { missions: FileSummary; rescueCases: FileSummary } => {
  const dir = mkdtempSync(join(tmpdir(), "ambu-docs-input-"))
  writeFileSync(join(dir, "missions.csv"), missions)
  writeFileSync(join(dir, "rescue_cases.csv"), rescue)
  const out = runCli([
    "validate",
    "--missions",
    join(dir, "missions.csv"),
    "--rescue",
    join(dir, "rescue_cases.csv"),
    "--out",
    join(dir, "out"),
    "--json",
  ])
  return JSON.parse(out)
}

describe("the example rows of docs/input.md", () => {
  const blocks = examples()

  it("has the four examples: both files, English and Swedish names", () => {
    expect(Object.keys(blocks).sort()).toEqual(["missions-en", "missions-sv", "rescue-en", "rescue-sv"])
  })

  it.each(["en", "sv"])("the %s examples are read without a reject or a warning", (language) => {
    const summary = validate(blocks[`missions-${language}`]!, blocks[`rescue-${language}`]!)

    // Two missions (M1, M2) and three rescue cases (R-1001 to R-1003) are written in each block.
    expect(summary.missions).toMatchObject({ read: 2, accepted: 2, rejected: 0 })
    expect(summary.rescueCases).toMatchObject({ read: 3, accepted: 3, rejected: 0 })
    // toEqual, not toMatchObject: an unexpected warning must fail the test.
    expect(summary.missions.warnings).toEqual({})
    expect(summary.rescueCases.warnings).toEqual({})
  })
})

describe("the daylight-saving examples of docs/input.md", () => {
  const header =
    "mission_id,case_id,resource_id,station,priority,initial_priority,municipality_code,call_answered_at,dispatched_at,en_route_at,arrived_scene_at,left_scene_at,arrived_destination_at,cleared_at"
  const rescue = "case_id,municipality_code,created_at,index_1,index_2,index_3,rescue_resource_confirmed\n"

  it("autumn: dispatched 02:50, arrived 02:05 are both ambiguous and end up in order", () => {
    const missions = `${header}\nD1,C1,AMB 1,Malmö,1,1,1280,,2025-10-26 02:50,,2025-10-26 02:05,,,\n`

    const summary = validate(missions, rescue)

    // Two ambiguous fields; had arrival taken its first reading (00:05 UTC, before the
    // 00:50 UTC dispatch) the row would also count as timestamps-out-of-order.
    expect(summary.missions).toMatchObject({ accepted: 1, rejected: 0 })
    expect(summary.missions.warnings).toEqual({ "ambiguous-local-time": 2 })
  })

  it("spring: a naive time in the skipped hour rejects the row", () => {
    const missions = `${header}\nS1,C1,AMB 1,Malmö,1,1,1280,,2025-03-30 02:30,,,,,\n`

    const summary = validate(missions, rescue)

    expect(summary.missions).toMatchObject({ read: 1, accepted: 0, rejected: 1 })
    expect(summary.missions.rejectedByReason).toEqual({ "nonexistent-local-time": 1 })
  })
})
