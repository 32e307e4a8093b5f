import { describe, expect, it } from "vitest"
import { MISSION_HEADER, missionRow, missionsCsv, RESCUE_HEADER, readTexts } from "./test-support/read.js"

describe("mission rows", () => {
  it("rejects the later row of a duplicate mission_id; an id whose first row was rejected stays free", async () => {
    const csv = missionsCsv(
      missionRow({ id: "M1" }),
      missionRow({ id: "M1", case: "C9" }),
      missionRow({ id: "M2", priority: "9" }),
      missionRow({ id: "M2" }),
    )
    const { dataset, rejects, files } = await readTexts(csv)

    expect(dataset.missions.missionId).toEqual(["M1", "M2"])
    expect([...dataset.missions.line]).toEqual([2, 5])
    expect(rejects[0]).toEqual({
      file: "missions.csv",
      line: 3,
      field: "mission_id",
      reason: "duplicate-id",
      value: "M1",
      message:
        'missions.csv line 3, field "mission_id": mission id "M1" was already used on line 2; ' +
        "ids must be unique, so this later row is left out",
    })
    expect(rejects[1]).toMatchObject({ line: 4, field: "priority", reason: "unknown-priority", value: "9" })
    expect(files[0]).toMatchObject({ read: 4, accepted: 2, rejected: 2 })
  })

  it("gives each kind of bad value its reason and field", async () => {
    const csv = missionsCsv(
      missionRow({ id: "A", municipality: "128" }),
      missionRow({ id: "B", dispatched: "yesterday" }),
      missionRow({ id: "C", dispatched: "2025-13-01 10:00" }),
      missionRow({ id: "D", station: "" }),
      missionRow({ id: "E", station: "   " }),
      missionRow({ id: "F", initial: "0" }),
      missionRow({ id: "G", priority: "1.0" }),
      missionRow({ id: "H", dispatched: "" }),
      missionRow({ id: "I", cleared: "2025-06-02 10:00:61" }),
      missionRow({ id: "J", municipality: "12 80" }),
    )
    const { rejects, files } = await readTexts(csv)

    expect(rejects.map((r) => [r.line, r.field, r.reason, r.value])).toEqual([
      [2, "municipality_code", "invalid-format", "128"],
      [3, "dispatched_at", "invalid-format", "yesterday"],
      [4, "dispatched_at", "invalid-format", "2025-13-01 10:00"],
      [5, "station", "missing-required", ""],
      [6, "station", "missing-required", "   "],
      [7, "initial_priority", "unknown-priority", "0"],
      [8, "priority", "unknown-priority", "1.0"],
      [9, "dispatched_at", "missing-required", ""],
      [10, "cleared_at", "invalid-format", "2025-06-02 10:00:61"],
      [11, "municipality_code", "invalid-format", "12 80"],
    ])
    expect(rejects[2]!.message).toBe(
      'missions.csv line 4, field "dispatched_at": "2025-13-01 10:00" is not a valid time (its month is out of range); correct the value',
    )
    expect(files[0]!.rejectedByReason).toEqual({
      "invalid-format": 5,
      "missing-required": 3,
      "unknown-priority": 2,
    })
  })

  it("reports only the first problem of a row, reading fields in contract order", async () => {
    const csv = missionsCsv(
      missionRow({ id: "A", priority: "7", municipality: "x", dispatched: "never" }),
      missionRow({ id: "B", case: "", dispatched: "never" }),
    )
    const { rejects } = await readTexts(csv)
    expect(rejects.map((r) => [r.field, r.reason])).toEqual([
      ["priority", "unknown-priority"],
      ["case_id", "missing-required"],
    ])
  })

  it("keeps a row whose times are merely implausible, and counts it", async () => {
    const csv = missionsCsv(missionRow({ dispatched: "2025-06-02 10:00", arrived: "2025-06-02 09:50" }))
    const { dataset, files } = await readTexts(csv)
    expect(dataset.missions.count).toBe(1)
    expect(files[0]!.warnings).toEqual({ "timestamps-out-of-order": 1 })
  })

  it("rejects a row with more or fewer fields than the header as malformed", async () => {
    const csv = missionsCsv(missionRow().replace(/,$/, ""), `${missionRow({ id: "M2" })},extra`)
    const { rejects, files } = await readTexts(csv)
    expect(rejects[0]).toMatchObject({
      line: 2,
      field: "",
      reason: "malformed-row",
      message:
        'missions.csv line 2: the row has 13 fields but the header has 14; check for a missing or extra "," ' +
        "or an unquoted value containing one",
    })
    expect(rejects[1]).toMatchObject({ line: 3, reason: "malformed-row" })
    expect(files[0]).toMatchObject({ read: 2, accepted: 0, rejected: 2 })
  })

  it("rejects a row whose quote is never closed as one malformed row", async () => {
    const csv = `${missionsCsv(missionRow({ id: "M1" }), missionRow({ id: "M2", station: '"Lund' }), missionRow({ id: "M3" }))}\n`
    const { dataset, rejects, files } = await readTexts(csv)
    // M2's open quote swallows the rest of the file, M3 included: 2 rows read.
    expect(dataset.missions.missionId).toEqual(["M1"])
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[3, "malformed-row"]])
    expect(rejects[0]!.message).toContain("never closed")
    expect(files[0]).toMatchObject({ read: 2, accepted: 1, rejected: 1 })
  })

  it("does not count blank lines as rows", async () => {
    const csv = `\n${MISSION_HEADER}\n\n${missionRow({ id: "M1" })}\n   \n\n${missionRow({ id: "M2" })}\n\n`
    const { dataset, files } = await readTexts(csv)
    // Line 1 is blank, the header is line 2, the rows are on lines 4 and 7.
    expect([...dataset.missions.line]).toEqual([4, 7])
    expect(files[0]).toMatchObject({ read: 2, accepted: 2, rejected: 0 })
  })
})

describe("rescue-case rows", () => {
  it("reads the boolean words in any case and rejects others; a repeated case_id is a duplicate", async () => {
    const rescue = [
      RESCUE_HEADER,
      "R1,1280,2025-06-02 10:00,Sjukvårdslarm,IVPA,Hjärtstopp,JA",
      "R2,1281,2025-06-02 11:00,Ambulansassistans,,,0",
      "R3,1281,2025-06-02 12:00,Sjukvårdslarm,,,kanske",
      "R4,1281,2025-06-02 12:00,Sjukvårdslarm,,,",
      "R5,1281,2025-06-02 12:00,,,,yes",
      "R1,1280,2025-06-02 13:00,Sjukvårdslarm,,,Nej",
      "R6,1281,2025-06-02 14:00,Sjukvårdslarm,,,False",
    ].join("\n")
    const { dataset, rejects, files } = await readTexts(missionsCsv(), rescue)
    const r = dataset.rescueCases

    expect(r.caseId).toEqual(["R1", "R2", "R6"])
    expect([...r.rescueResourceConfirmed]).toEqual([1, 0, 0])
    expect([r.index1[0], r.index2[0], r.index3[0], r.index2[1]]).toEqual([
      "Sjukvårdslarm",
      "IVPA",
      "Hjärtstopp",
      "",
    ])
    expect(rejects.map((x) => [x.line, x.field, x.reason])).toEqual([
      [4, "rescue_resource_confirmed", "invalid-format"],
      [5, "rescue_resource_confirmed", "missing-required"],
      [6, "index_1", "missing-required"],
      [7, "case_id", "duplicate-id"],
    ])
    expect(rejects[0]!.message).toBe(
      'rescue_cases.csv line 4, field "rescue_resource_confirmed": "kanske" is not a yes/no value; ' +
        "use true/false, 1/0, ja/nej or yes/no",
    )
    expect(files[1]).toMatchObject({ kind: "rescue-cases", read: 7, accepted: 3, rejected: 4 })
  })
})
