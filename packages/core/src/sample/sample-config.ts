/**
 * The rates and columns of the sample data. Tests compare the generated
 * data with these, so they are the single place to tune realism.
 */

/** Rates the generator aims at; each is a probability per case or per mission as its name says. */
export const SAMPLE_RATES = {
  /** Shares of cases by priority 1, 2, 3. */
  priorityShares: [0.45, 0.4, 0.15] as const,
  /** Prio-1 cases that get 2 or 3 resources. */
  multiResourcePrio1Case: 0.08,
  /** Of those, the share with 3 resources rather than 2. */
  threeResources: 0.3,
  /** Cases whose initial priority differs from the dispatch priority. */
  reprioritisedCase: 0.05,
  /** Cases from callers outside the region. */
  outOfRegionCase: 0.015,
  /** Missions of regional callers given to a resource of another region. */
  externalResource: 0.01,
  /** Missions of regional callers given to another district's station (borderless dispatch). */
  borderlessResource: 0.12,
  /** Missions that go to the second-nearest station of the own district (the nearest is busy). */
  secondNearestStation: 0.15,
  /** Each optional timestamp of a mission that is left empty. */
  missingTimestamp: 0.01,
  /** Missions with one timestamp out of order (e.g. arrival before dispatch). */
  implausibleOrder: 0.002,
  /** One row of each rejected kind per this many missions (at least one each). */
  missionsPerRejectedRow: 8000,
  /** Rescue-service cases per prio-1 care case of a regional caller. */
  rescueCasesPerPrio1Case: 0.25,
  /** Rescue cases with a confirmed rescue resource. */
  rescueResourceConfirmed: 0.92,
  /** Rescue cases from callers outside the region. */
  outOfRegionRescueCase: 0.01,
} as const

export const SAMPLE_MISSION_COLUMNS = [
  "uppdrags_id",
  "arende_id",
  "resurs",
  "station",
  "prio",
  "prio_initial",
  "kommunkod",
  "samtal_besvarat",
  "larmad",
  "paborjat",
  "framme_hamtadress",
  "lamnat_hamtadress",
  "framme_avlamning",
  "klar",
] as const

export const SAMPLE_RESCUE_CASE_COLUMNS = [
  "arende_id",
  "kommunkod",
  "skapad",
  "indexniva_1",
  "indexniva_2",
  "indexniva_3",
  "bekraftad_resurs",
] as const

export const CSV_DELIMITER = ";"
