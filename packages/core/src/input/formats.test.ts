import { describe, expect, it } from "vitest"
import { bytesSource, textSource } from "./source.js"
import { MISSION_HEADER, missionRow, missionsCsv, readFailure, readTexts } from "./test-support/read.js"

// Summer time in Stockholm is UTC+2, so local 10:01:30 on 2 June is 08:01:30 UTC.
const utc = (hour: number, minute: number, second = 0) => Date.UTC(2025, 5, 2, hour, minute, second)

const SWEDISH_HEADER =
  "Uppdrags_ID;Arende_ID;RESURS;Station;Prio;Prio_Initial;KommunKod;Samtal_Besvarat;LARMAD;Paborjat;" +
  "Framme_Hamtadress;Lamnat_Hamtadress;Framme_Avlamning;Klar"

describe("CSV dialects", () => {
  it("reads a BOM, semicolons and Swedish column names in any case", async () => {
    const text = [
      `\uFEFF${SWEDISH_HEADER}`,
      "U1;A1;AMB 3410;Lund;2;1;1281;2025-06-02 10:00:00;2025-06-02 10:01:30;;2025-06-02 10:21:30;;;",
      "U2;A2;AMB 1;Lund;4;;1281;;2025-06-02 11:00;;;;;",
    ].join("\n")
    const { dataset, rejects } = await readTexts(text)
    const m = dataset.missions

    expect(m.missionId).toEqual(["U1"])
    expect([m.priority[0], m.initialPriority[0]]).toEqual([2, 1])
    // Lund is station 2 and municipality 3 of the test geography.
    expect([m.stationRef[0], m.municipalityRef[0]]).toEqual([2, 3])
    expect(Array.from({ length: 7 }, (_, f) => m.times.at(f, 0))).toEqual([
      utc(8, 0),
      utc(8, 1, 30),
      Number.NaN,
      utc(8, 21, 30),
      Number.NaN,
      Number.NaN,
      Number.NaN,
    ])
    // The message names the column as the file writes it; the field is the contract's name.
    expect(rejects).toEqual([
      {
        file: "missions.csv",
        line: 3,
        field: "priority",
        reason: "unknown-priority",
        value: "4",
        message: 'missions.csv line 3, field "Prio": "4" is not a priority; use 1, 2 or 3',
      },
    ])
  })

  const quoted = [
    MISSION_HEADER,
    missionRow({ id: "M1", station: '"Malmö, norra"' }),
    missionRow({ id: "M2", station: '"Lund\nöst"' }),
    missionRow({ id: "M3", priority: "4" }),
  ]

  it("keeps delimiters and line breaks inside quotes, and counts lines physically", async () => {
    // Lines: 1 header, 2 M1, 3–4 M2 (the quoted break), 5 M3.
    const { dataset, rejects } = await readTexts(quoted.join("\n"))
    expect(dataset.missions.stationName).toEqual(["Malmö, norra", "Lund\nöst"])
    expect([...dataset.missions.line]).toEqual([2, 3])
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[5, "unknown-priority"]])
  })

  it("reads CRLF line ends the same way", async () => {
    const { dataset, rejects } = await readTexts(quoted.join("\r\n").replace("Lund\nöst", "Lund\r\nöst"))
    expect(dataset.missions.stationName).toEqual(["Malmö, norra", "Lund\r\nöst"])
    expect([...dataset.missions.line]).toEqual([2, 3])
    expect(rejects.map((r) => r.line)).toEqual([5])
  })

  it("reads the same whatever the chunk size, even when chunks split a character or the BOM", async () => {
    const text = `\uFEFF${missionsCsv(missionRow({ id: "M1", station: "Eslöv" }), missionRow({ id: "M2" }))}`
    for (const size of [1, 2, 3, 5, 64]) {
      const { dataset, files } = await readTexts(textSource("missions.csv", text, size))
      expect(dataset.missions.stationName).toEqual(["Eslöv", "Malmö"])
      expect(files[0]!.warnings).toEqual({})
    }
  })

  it("refuses bytes that are not UTF-8, naming the place and the conversion", async () => {
    const encoder = new TextEncoder()
    // Eslöv in Windows-1252 is "Esl", 0xF6, "v"; 0xF6 followed by "v" is not UTF-8.
    const [before, after] = `${MISSION_HEADER}\n${missionRow({ station: "Esl|v" })}`.split("|")
    const bytes = new Uint8Array([...encoder.encode(before), 0xf6, ...encoder.encode(after)])
    const error = await readFailure(bytesSource("missions.csv", bytes))
    expect(error.kind).toBe("encoding")
    expect(error.message).toContain("Esl\uFFFDv")
    expect(error.message).toContain("iconv -f WINDOWS-1252 -t UTF-8")
    // The header is line 1, the row line 2.
    expect(error.message).toMatch(/^missions\.csv line 2: /)
  })

  it("names the line of a bad byte far into the file, in a later chunk and with CRLF line ends", async () => {
    const encoder = new TextEncoder()
    // 300 good rows (lines 2-301), then Eslöv in Windows-1252 on line 302; read in 1000-byte chunks.
    const good = Array.from({ length: 300 }, (_, i) => missionRow({ id: `M${i}` })).join("\r\n")
    const [before, after] =
      `${MISSION_HEADER}\r\n${good}\r\n${missionRow({ id: "BAD", station: "Esl|v" })}`.split("|")
    const bytes = new Uint8Array([...encoder.encode(before), 0xf6, ...encoder.encode(after)])
    const error = await readFailure(bytesSource("missions.csv", bytes, 1000))
    expect(error.message).toMatch(/^missions\.csv line 302: the file is not UTF-8/)
  })

  it("rejects a row whose text holds a NUL character past the first kilobyte, keeping the others", async () => {
    // Twenty good rows put the NUL beyond the 1 KB that is sniffed for binary files.
    const good = Array.from({ length: 20 }, (_, i) => missionRow({ id: `M${i}` }))
    const text = missionsCsv(
      ...good,
      missionRow({ id: "NUL", station: "Malm\u0000ö" }),
      missionRow({ id: "LAST" }),
    )
    expect(text.indexOf("\u0000")).toBeGreaterThan(1024)
    const { dataset, rejects, files } = await readTexts(text)

    expect(dataset.missions.count).toBe(21)
    expect(files[0]).toMatchObject({
      read: 22,
      accepted: 21,
      rejected: 1,
      rejectedByReason: { "invalid-format": 1 },
    })
    // Header line 1, good rows 2-21, the NUL row 22.
    expect(rejects).toHaveLength(1)
    expect(rejects[0]).toMatchObject({ line: 22, field: "station", reason: "invalid-format" })
    expect(rejects[0]!.message).toContain("NUL character")
  })

  it("counts header columns outside the contract as unknown and ignores them", async () => {
    const text = [`${MISSION_HEADER},notes,`, `${missionRow()},called twice,`].join("\n")
    const { dataset, files } = await readTexts(text)
    expect(dataset.missions.count).toBe(1)
    // "notes" and the empty name after the trailing comma.
    expect(files[0]!.warnings).toEqual({ "unknown-column": 2 })
  })

  it("defaults initial_priority to priority when the column is absent", async () => {
    const header = MISSION_HEADER.replace("initial_priority,", "")
    const row = missionRow({ priority: "2" }).replace(",2,,", ",2,")
    const { dataset } = await readTexts(`${header}\n${row}`)
    expect([dataset.missions.priority[0], dataset.missions.initialPriority[0]]).toEqual([2, 2])
  })
})

describe("NDJSON", () => {
  const lines = [
    '{"mission_id":"N1","case_id":"C1","resource_id":"AMB 1","station":"Malmö","priority":1,"municipality_code":"1280","dispatched_at":"2025-06-02T10:00:00+02:00","cleared_at":null}',
    "",
    '{"Uppdrags_id":"N2","ARENDE_ID":"C2","resurs":"AMB 2","station":"Lund","prio":"3","prio_initial":2,"kommunkod":"1281","larmad":"2025-06-02 10:00","extra":"x"}',
    '{"mission_id":"N3","case_id":"C3","resource_id":"AMB 3","station":{"name":"Lund"},"priority":1,"municipality_code":"1281","dispatched_at":"2025-06-02 10:00"}',
    "{not json",
    "[1,2]",
    '{"mission_id":"N4","case_id":"C4","resource_id":"AMB 4","station":"Lund","priority":1,"prio":2,"municipality_code":"1281","dispatched_at":"2025-06-02 10:00"}',
  ]

  it("reads one object per line by field name or alias, with line numbers", async () => {
    const { dataset, files, rejects } = await readTexts(textSource("missions.ndjson", lines.join("\n")))
    const m = dataset.missions

    expect(m.missionId).toEqual(["N1", "N2"])
    expect([...m.line]).toEqual([1, 3])
    expect([...m.priority]).toEqual([1, 3])
    expect([...m.initialPriority]).toEqual([1, 2])
    // 10:00+02:00 and 10:00 local summer time are both 08:00 UTC.
    expect([...m.times.column(1)]).toEqual([utc(8, 0), utc(8, 0)])
    expect(files[0]).toEqual({
      file: "missions.ndjson",
      kind: "missions",
      read: 6,
      accepted: 2,
      rejected: 4,
      rejectedByReason: { "invalid-format": 1, "malformed-row": 3 },
      warnings: { "unknown-column": 1 },
    })
    expect(rejects.map((r) => [r.line, r.field, r.reason])).toEqual([
      [4, "station", "invalid-format"],
      [5, "", "malformed-row"],
      [6, "", "malformed-row"],
      [7, "", "malformed-row"],
    ])
  })

  it("is recognised by a first character { whatever the file is called", async () => {
    const { dataset } = await readTexts(textSource("export.txt", lines[0]!))
    expect(dataset.missions.missionId).toEqual(["N1"])
  })
})
