#!/usr/bin/env node
/**
 * Checks the DuckDB side against figures worked out by hand for the small
 * files in `fixtures/` (the metrics spec's worked example plus one row per
 * tricky rule). Usage: `node bench/selftest.mjs`; exits 1 on a mismatch.
 *
 * The rows of fixtures/worked-missions.csv and what they exercise:
 *   M1, M2   case C1, the spec's worked example (Malmö caller, Malmö and Lund resources)
 *   M1 again a repeated mission_id: the later row is rejected
 *   M3       station written "  lund " (matched), caller 9999 out of region, prio 2, June
 *   M4       station Kalmar: an external resource, prio 3, June
 *   M5       priority 4: rejected
 *   M6       dispatched in the spring gap (2025-03-30 02:30): rejected
 *   M7       case C6 on 2025-10-26, four times in the repeated hour (see below)
 *   M8       month 13: rejected
 *   M9       case C8, dispatched with an offset (10:00+02:00 = 08:00Z), no answer time
 */
import assert from "node:assert/strict"
import { fileURLToPath } from "node:url"
import { skaneGeography } from "@ambu/core"
import { computeDuckdbFigures } from "./lib/duckdb-figures.mjs"

const here = (name) => fileURLToPath(new URL(name, import.meta.url))

const { figures } = await computeDuckdbFigures({
  missionsPath: here("fixtures/worked-missions.csv"),
  rescuePath: here("fixtures/worked-rescue.csv"),
  geography: skaneGeography,
  from: "2025-01",
  to: "2025-12",
})

// M7 in the repeated hour, resolved in field order (Z = UTC):
//   answered 02:50 -> first occurrence 00:50Z (nothing before it);
//   dispatched 02:55 -> 00:55Z (after 00:50Z, first kept);
//   en route 02:10 -> first 00:10Z is before 00:55Z, second 01:10Z is not -> 01:10Z;
//   arrived 02:20 -> first 00:20Z is before 01:10Z, second 01:20Z is not -> 01:20Z.
const expected = {
  "rows/missions/read": 10,
  "rows/missions/accepted": 6,
  "rows/missions/rejected": 4,
  "rows/missions/rejected/duplicate-id": 1,
  "rows/missions/rejected/unknown-priority": 1,
  "rows/missions/rejected/nonexistent-local-time": 1,
  "rows/missions/rejected/invalid-format": 1,
  "rows/missions/ambiguous-fields": 4,
  "rows/rescue-cases/read": 5,
  "rows/rescue-cases/accepted": 4,
  // R5's confirmation "kanske" is no boolean.
  "rows/rescue-cases/rejected": 1,

  // Regional resources: M1, M2 (May), M3 (June, out-of-region caller counts), M9 (July), M7 (October).
  "missions-per-month/2025-05/p1": 2,
  "missions-per-month/2025-06/p2": 1,
  "missions-per-month/2025-07/p1": 1,
  "missions-per-month/2025-10/p1": 1,
  "missions-per-station/Malmö/2025-05": 1,
  "missions-per-station/Lund/2025-05": 1,
  "missions-per-station/Lund/2025-06": 1,

  // Prio-1 cases of regional callers: C1 waits 10:00:00 -> 10:19:10 = 1150 s (under 20 min);
  // C6 waits 00:50Z -> 01:20Z = 1800 s; C8 has no answer time and leaves the metric.
  "waiting-time/region/cases": 2,
  "waiting-time/region/under": 1,
  "waiting-time/district:1/cases": 2,

  // Dispatch to first arrival: C1 1060 s (May), C8 08:00Z -> 08:30Z 1800 s (July), C6 00:55Z -> 01:20Z 1500 s.
  "availability/2025-05/region/within": 1,
  "availability/2025-07/region/cases": 1,
  "availability/2025-07/region/within": 0,
  "availability/2025-10/district:1/within": 0,
  "median-response/region/median": 1500,
  "median-response/1280/cases": 3,

  // Start intervals: M1 75 s, M2 100 s, M7 00:55Z -> 01:10Z 900 s, M9 08:00Z -> 08:01Z 60 s.
  "start-interval/station:Malmö/missions": 3,
  "start-interval/station:Malmö/within": 2,
  "start-interval/station:Lund/within": 0,
  "start-interval/region/missions": 4,

  // Borderless: Malmö callers got M1, M7, M9 from district 1, M2 from district 2, M4 from Kalmar.
  "borderless/p1/1280/district:1": 3,
  "borderless/p1/1280/district:2": 1,
  "borderless/p3/1280/external": 1,

  // Segment medians over M1, M2, M7, M9:
  // answer->dispatch 90, 240, 300 -> 240; start interval 60, 75, 100, 900 -> (75+100)/2;
  // drive 600, 810, 1125, 1740 -> (810+1125)/2; response 910, 1200, 1500, 1800 -> (1200+1500)/2.
  "segment-times/1280/answered-to-dispatched": 240,
  "segment-times/1280/dispatched-to-en-route": 87.5,
  "segment-times/district:1/en-route-to-arrived-scene": 967.5,
  "segment-times/region/dispatched-to-arrived-scene": 1350,
  "segment-times/region/dispatched-to-cleared": 5310,

  "rescue/1280/cardiac-arrest": 1,
  "rescue/1280/ivpa": 1,
  // R3 counts; R4 is not confirmed.
  "rescue/1280/ambulance-assistance": 1,
  "rescue/1280/prio1-cases": 3,
}

const wrong = Object.entries(expected).filter(([key, value]) => figures[key]?.value !== value)
for (const [key, value] of wrong)
  console.error(`${key}: expected ${value}, DuckDB gave ${figures[key]?.value}`)
assert.equal(wrong.length, 0, `${wrong.length} figure(s) differ from the hand-worked values`)
assert.equal(figures["missions-per-station/Kalmar/2025-06"], undefined, "an external station has no row")
console.log(`selftest: ${Object.keys(expected).length} hand-worked figures match`)
