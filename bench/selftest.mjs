#!/usr/bin/env node
/**
 * Checks the DuckDB side against figures worked out by hand for the small
 * files in `fixtures/`: `worked-*` (the metrics spec's worked example plus
 * one row per rejection rule) and `edge-*` (rules the spec leaves to
 * judgement; see EDGE below). Usage: `node bench/selftest.mjs`; exits 1 on a
 * mismatch.
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

const figuresOf = async (name) =>
  (
    await computeDuckdbFigures({
      missionsPath: here(`fixtures/${name}-missions.csv`),
      rescuePath: here(`fixtures/${name}-rescue.csv`),
      geography: skaneGeography,
      from: "2025-01",
      to: "2025-12",
      previous: { from: "2024-01", to: "2024-12" },
    })
  ).figures

// M7 in the repeated hour, resolved in field order (Z = UTC):
//   answered 02:50 -> first occurrence 00:50Z (nothing before it);
//   dispatched 02:55 -> 00:55Z (after 00:50Z, first kept);
//   en route 02:10 -> first 00:10Z is before 00:55Z, second 01:10Z is not -> 01:10Z;
//   arrived 02:20 -> first 00:20Z is before 01:10Z, second 01:20Z is not -> 01:20Z.
const WORKED = {
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

/*
 * fixtures/edge-missions.csv (all 2025 unless said; Ystad 1286 is in district 2):
 *   D1 twice: the first row has priority 9 (rejected), so the second is the first valid D1 and is kept
 *   K2: X1 (Malmö caller, p1, answered 10:00, dispatched 10:02, arrived 10:15) and X2 (Lund caller, p2,
 *       answered 09:40, dispatched 10:05, arrived 10:12): case prio 1 and caller Malmö from X1 (first
 *       dispatched); waiting from the earliest answer 09:40 to the first arrival 10:12 = 32 min (not under)
 *   K3: B2 (p2) and A1 (p1) both dispatched 10:05: the tie goes to the smaller id A1, so prio 1;
 *       waiting 10:00 -> 10:20 = exactly 20 min, not under (strict)
 *   K4: Z1 dispatched "2025-02-01T10:00:00Z", answered 10:59 CET = 09:59Z, arrived 11:20 CET = 10:20Z:
 *       dispatch to arrival 1200 s = within (<=); no initial priority, so it counts as prio 1 from the start
 *   K5: P1 dispatched 2024-12-31 23:55, P2 2025-01-01 00:02: the case belongs to December 2024,
 *       outside the period, while P2 itself counts in January
 *   K6: N1 "MALMÖ", arrived before dispatch and en route before dispatch: those intervals leave
 *   T1 has 7 fields (malformed), W1 a blank municipality (missing), W2 municipality "128" (format)
 *   Q1 on 2025-10-26: answered 02:40 -> 00:40Z, dispatched 02:45 -> 00:45Z, then en route 02:05,
 *       arrived 02:15, left 02:30, destination 02:50 all take their second occurrence (01:05Z, 01:15Z,
 *       01:30Z, 01:50Z) because the first would lie before the previous field; cleared 03:10 -> 02:10Z
 *   Q2: answered 01:50 CEST = 23:50Z, dispatched 02:10 -> 00:10Z, en route 00:12Z, arrived 00:25Z
 *   S1: caller 0380 (outside Skåne) served by Helsingborg, prio 3
 * fixtures/edge-rescue.csv: R1 twice (later row rejected), index text in capitals and "ivpa ",
 *   a case of December 2024, a caller outside the region, a creation time in the spring gap.
 */
const EDGE = {
  "rows/missions/read": 16,
  "rows/missions/accepted": 12,
  "rows/missions/rejected/unknown-priority": 1,
  "rows/missions/rejected/malformed-row": 1,
  "rows/missions/rejected/missing-required": 1,
  "rows/missions/rejected/invalid-format": 1,
  "rows/missions/rejected/duplicate-id": 0,
  // Q1 has six fields in the repeated hour, Q2 three.
  "rows/missions/ambiguous-fields": 9,
  "rows/rescue-cases/rejected/duplicate-id": 1,
  "rows/rescue-cases/rejected/nonexistent-local-time": 1,

  "missions-per-month/2024-12/p1": 1,
  "missions-per-month/2025-01/p1": 1,
  "missions-per-month/2025-03/p1": 3,
  "missions-per-month/2025-03/p2": 2,
  "missions-per-month/2025-05/p3": 1,
  "missions-per-station/Malmö/2025-04": 1,

  // Prio-1 cases in the period: K1 (11 min), K2 (32), K10 (35), K11 (35) in district 1; K3 (20), K4 (21) in 2.
  // K6's only arrival (10:03) is before its own dispatch (10:05): no first arrival, so it leaves the metric.
  "waiting-time/district:1/cases": 4,
  "waiting-time/district:1/under": 1,
  "waiting-time/district:2/cases": 2,
  "waiting-time/district:2/under": 0,

  // Dispatch to first arrival: K1 600, K2 600, K3 900, K4 1200, K10 1800, K11 900; K6 negative.
  "availability/2025-02/district:2/within": 1,
  "availability/2025-03/region/within": 3,
  "availability/2025-04/region/cases": 0,
  "availability/2025-10/region/cases": 2,
  "availability/2025-10/region/within": 1,
  // Malmö 600, 600, 900, 1800 -> 750; district 2: 900, 1200 -> 1050; region: 600 600 900 900 1200 1800 -> 900.
  "median-response/1280/median": 750,
  "median-response/district:2/median": 1050,
  "median-response/region/median": 900,

  // D1 60 s, X1 60, Q1 1200, Q2 120 (Malmö; N1 negative); Z1 90 (within), P2 60 (Ystad); A1 has no en route.
  "start-interval/station:Malmö/missions": 4,
  "start-interval/station:Malmö/within": 2,
  "start-interval/station:Ystad/within": 2,
  "start-interval/region/missions": 6,

  "borderless/p1/1280/district:1": 5,
  "borderless/p1/1286/district:2": 2,
  "borderless/p2/1281/district:2": 2,

  // Answered to dispatched: 60, 120, 300, 60, 720, 300, 300, 1200 -> (300+300)/2.
  "segment-times/region/answered-to-dispatched": 300,
  "segment-times/region/answered-to-dispatched/n": 8,

  "rescue/1280/cardiac-arrest": 1,
  "rescue/1281/ivpa": 1,
  "rescue/1286/ambulance-assistance": 0,
  "rescue/1280/prio1-cases": 5,
  "rescue/region/prio1-cases": 7,
}

const check = (name, figures, expected) => {
  const value = (key) =>
    figures[key]?.value ?? (figures[key] === undefined && !key.includes("median") ? 0 : null)
  const wrong = Object.entries(expected).filter(([key, v]) => value(key) !== v)
  for (const [key, v] of wrong) console.error(`${name} ${key}: expected ${v}, DuckDB gave ${value(key)}`)
  return wrong.length
}

const worked = await figuresOf("worked")
const edge = await figuresOf("edge")
const failures = check("worked", worked, WORKED) + check("edge", edge, EDGE)
assert.equal(failures, 0, `${failures} figure(s) differ from the hand-worked values`)
assert.equal(worked["missions-per-station/Kalmar/2025-06"], undefined, "an external station has no row")
console.log(`selftest: ${Object.keys(WORKED).length + Object.keys(EDGE).length} hand-worked figures match`)
