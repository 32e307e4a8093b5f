import { describe, expect, it } from "vitest"
import { missionRow, missionsCsv, RESCUE_HEADER, readTexts } from "./test-support/read.js"

/*
 * Europe/Stockholm, 2025-10-26: at 01:00 UTC the clocks go back from 03:00
 * CEST (+02:00) to 02:00 CET (+01:00), so the wall-clock hour 02:00–02:59
 * happens twice: first at 00:00–00:59 UTC, again at 01:00–01:59 UTC.
 * 2025-03-30: at 01:00 UTC the clocks jump from 02:00 CET to 03:00 CEST, so
 * 02:00–02:59 does not exist.
 */
const utc = (day: number, month: number, hour: number, minute: number, second = 0) =>
  Date.UTC(2025, month - 1, day, hour, minute, second)

describe("the autumn hour", () => {
  const csv = missionsCsv(
    // Line 2: both ambiguous, nothing earlier: first occurrences, 00:10Z and 00:20Z.
    missionRow({ id: "M1", dispatched: "2025-10-26 02:10", enRoute: "2025-10-26 02:20" }),
    // Line 3: dispatched 02:50+02:00 = 00:50Z; arrival 02:05 first = 00:05Z is before it,
    // second = 01:05Z is not: second.
    missionRow({ id: "M2", dispatched: "2025-10-26T02:50:00+02:00", arrived: "2025-10-26 02:05" }),
    // Line 4: dispatched 03:30 CET = 02:30Z; arrival 02:10 is 00:10Z or 01:10Z, both before: first.
    missionRow({ id: "M3", dispatched: "2025-10-26 03:30", arrived: "2025-10-26 02:10" }),
    // Line 5: answered 02:59:59 first = 00:59:59Z; dispatched 02:00:30 first = 00:00:30Z is before
    // that, second = 01:00:30Z is not: second.
    missionRow({ id: "M4", answered: "2025-10-26 02:59:59", dispatched: "2025-10-26 02:00:30" }),
    // Line 6: answered 00:30Z; dispatched 02:30 first = 00:30Z equals it, which is not before: first.
    missionRow({ id: "M5", answered: "2025-10-26T02:30:00+02:00", dispatched: "2025-10-26 02:30" }),
  )

  it("takes the first occurrence unless it would precede the row's previous timestamp", async () => {
    const { dataset } = await readTexts(csv)
    const times = dataset.missions.times
    expect(dataset.missions.count).toBe(5)

    expect(times.at(1, 0)).toBe(utc(26, 10, 0, 10))
    expect(times.at(2, 0)).toBe(utc(26, 10, 0, 20))
    expect(times.at(3, 1)).toBe(utc(26, 10, 1, 5))
    expect(times.at(3, 2)).toBe(utc(26, 10, 0, 10))
    expect(times.at(0, 3)).toBe(utc(26, 10, 0, 59, 59))
    expect(times.at(1, 3)).toBe(utc(26, 10, 1, 0, 30))
    expect(times.at(1, 4)).toBe(utc(26, 10, 0, 30))
  })

  it("marks each ambiguous field in the mask and counts it as a warning", async () => {
    const { dataset, files } = await readTexts(csv)
    // Bits: 0 answered, 1 dispatched, 2 en route, 3 arrived.
    expect([...dataset.missions.ambiguousMask]).toEqual([0b110, 0b1000, 0b1000, 0b11, 0b10])
    // 2 + 1 + 1 + 2 + 1 ambiguous fields; only M3 has a timestamp before an earlier one.
    expect(files[0]!.warnings).toEqual({ "ambiguous-local-time": 7, "timestamps-out-of-order": 1 })
    expect(files[0]!.rejected).toBe(0)
  })

  it("resolves a rescue case's creation time to the first occurrence and counts it", async () => {
    const rescue = `${RESCUE_HEADER}\nR1,1280,2025-10-26 02:10,Sjukvårdslarm,,,ja`
    const { dataset, files } = await readTexts(missionsCsv(), rescue)
    expect(dataset.rescueCases.createdAt[0]).toBe(utc(26, 10, 0, 10))
    expect(files[1]!.warnings).toEqual({ "ambiguous-local-time": 1 })
  })
})

describe("the spring gap", () => {
  it("rejects a naive time inside it, naming the line and the field, and keeps times around it", async () => {
    const csv = missionsCsv(
      missionRow({ id: "M1", dispatched: "2025-03-30 01:59:59" }),
      missionRow({ id: "M2", dispatched: "2025-03-30 02:30" }),
      missionRow({ id: "M3", dispatched: "2025-03-30 03:00" }),
      missionRow({ id: "M4", dispatched: "2025-03-30 03:00", enRoute: "2025-03-30 02:00" }),
      // With its offset the same wall time names an instant, so it is accepted.
      missionRow({ id: "M5", dispatched: "2025-03-30T02:30:00+01:00" }),
    )
    const { dataset, files, rejects } = await readTexts(csv)

    expect(dataset.missions.missionId).toEqual(["M1", "M3", "M5"])
    // 01:59:59 CET = 00:59:59Z; 03:00 CEST = 01:00Z; 02:30+01:00 = 01:30Z.
    expect([...dataset.missions.times.column(1)]).toEqual([
      utc(30, 3, 0, 59, 59),
      utc(30, 3, 1, 0),
      utc(30, 3, 1, 30),
    ])
    expect(files[0]).toMatchObject({
      read: 5,
      accepted: 3,
      rejected: 2,
      rejectedByReason: { "nonexistent-local-time": 2 },
    })
    expect(rejects).toEqual([
      {
        file: "missions.csv",
        line: 3,
        field: "dispatched_at",
        reason: "nonexistent-local-time",
        value: "2025-03-30 02:30",
        message:
          'missions.csv line 3, field "dispatched_at": "2025-03-30 02:30" does not exist in Europe/Stockholm ' +
          "(the clocks skip that hour in spring); correct it or give it with its UTC offset",
      },
      expect.objectContaining({ line: 5, field: "en_route_at", reason: "nonexistent-local-time" }),
    ])
  })
})
