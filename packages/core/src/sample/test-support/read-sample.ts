/**
 * A deliberately simple reader of the generator's own CSV for its tests:
 * it trusts the layout the generator writes and is no substitute for the
 * input reader, which must cope with any export.
 */
import type { TimeZone } from "../../time/zone.js"

export interface SampleMissionRow {
  readonly line: number
  readonly missionId: string
  readonly caseId: string
  readonly resource: string
  readonly station: string
  readonly priority: string
  readonly initialPriority: string
  readonly municipality: string
  /** Raw timestamp texts in `TIME_FIELDS` order. */
  readonly texts: ReadonlyArray<string>
}

export const readMissionRows = (lines: ReadonlyArray<string>): ReadonlyArray<SampleMissionRow> =>
  lines.slice(1).map((text, i) => {
    const [missionId, caseId, resource, station, priority, initialPriority, municipality, ...texts] =
      text.split(";")
    return {
      line: i + 2,
      missionId: missionId!,
      caseId: caseId!,
      resource: resource!,
      station: station!,
      priority: priority!,
      initialPriority: initialPriority!,
      municipality: municipality!,
      texts,
    }
  })

/** Groups rows by case id, keeping row order. */
export const rowsByCase = (
  rows: ReadonlyArray<SampleMissionRow>,
): ReadonlyMap<string, ReadonlyArray<SampleMissionRow>> => {
  const cases = new Map<string, Array<SampleMissionRow>>()
  for (const row of rows) {
    const list = cases.get(row.caseId)
    if (list === undefined) cases.set(row.caseId, [row])
    else list.push(row)
  }
  return cases
}

const NAIVE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

/** The wall time of a naive `YYYY-MM-DD HH:MM:SS` as milliseconds since 1970 local; undefined if it is not one. */
export const wallOf = (text: string): number | undefined => {
  const match = NAIVE.exec(text)
  if (match === null) return undefined
  const [, y, mo, d, h, mi, s] = match.map(Number)
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || s! > 59) return undefined
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!)
}

/**
 * The instants of a row's timestamps by the contract's rule: an ambiguous
 * local time takes its first occurrence unless that falls before the
 * previous present timestamp while the second does not. NaN for empty.
 */
export const resolveRow = (zone: TimeZone, texts: ReadonlyArray<string>): ReadonlyArray<number> => {
  let previous = Number.NEGATIVE_INFINITY
  return texts.map((text) => {
    const wall = text === "" ? undefined : wallOf(text)
    if (wall === undefined) return Number.NaN
    const resolution = zone.resolveLocal(wall)
    const instant =
      resolution.kind === "ok"
        ? resolution.instant
        : resolution.kind === "gap"
          ? Number.NaN
          : resolution.first < previous && resolution.second >= previous
            ? resolution.second
            : resolution.first
    if (!Number.isNaN(instant)) previous = instant
    return instant
  })
}
