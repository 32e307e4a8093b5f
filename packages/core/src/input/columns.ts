/**
 * The columns of the two input files, in the data contract's order. That
 * order matters: a row is rejected for the first problem found, reading its
 * fields in this order.
 */
export interface ColumnSpec {
  /** The English field name; also the `field` of a reject. */
  readonly name: string
  /** The Swedish alias analysts' exports usually use. */
  readonly alias: string
  readonly required: boolean
}

/** Which of the two input files a column list describes. */
export type FileKind = "missions" | "rescue-cases"

export const MISSION_COLUMNS = [
  { name: "mission_id", alias: "uppdrags_id", required: true },
  { name: "case_id", alias: "arende_id", required: true },
  { name: "resource_id", alias: "resurs", required: true },
  { name: "station", alias: "station", required: true },
  { name: "priority", alias: "prio", required: true },
  { name: "initial_priority", alias: "prio_initial", required: false },
  { name: "municipality_code", alias: "kommunkod", required: true },
  { name: "call_answered_at", alias: "samtal_besvarat", required: false },
  { name: "dispatched_at", alias: "larmad", required: true },
  { name: "en_route_at", alias: "paborjat", required: false },
  { name: "arrived_scene_at", alias: "framme_hamtadress", required: false },
  { name: "left_scene_at", alias: "lamnat_hamtadress", required: false },
  { name: "arrived_destination_at", alias: "framme_avlamning", required: false },
  { name: "cleared_at", alias: "klar", required: false },
] as const satisfies ReadonlyArray<ColumnSpec>

export const RESCUE_CASE_COLUMNS = [
  { name: "case_id", alias: "arende_id", required: true },
  { name: "municipality_code", alias: "kommunkod", required: true },
  { name: "created_at", alias: "skapad", required: true },
  { name: "index_1", alias: "indexniva_1", required: true },
  { name: "index_2", alias: "indexniva_2", required: false },
  { name: "index_3", alias: "indexniva_3", required: false },
  { name: "rescue_resource_confirmed", alias: "bekraftad_resurs", required: true },
] as const satisfies ReadonlyArray<ColumnSpec>

/** Positions in `MISSION_COLUMNS`, so that validators read values by name without a look-up. */
export const M = {
  missionId: 0,
  caseId: 1,
  resourceId: 2,
  station: 3,
  priority: 4,
  initialPriority: 5,
  municipalityCode: 6,
  firstTime: 7,
} as const

/** Positions in `RESCUE_CASE_COLUMNS`. */
export const R = {
  caseId: 0,
  municipalityCode: 1,
  createdAt: 2,
  index1: 3,
  index2: 4,
  index3: 5,
  confirmed: 6,
} as const

export const columnsOf = (kind: FileKind): ReadonlyArray<ColumnSpec> =>
  kind === "missions" ? MISSION_COLUMNS : RESCUE_CASE_COLUMNS

/** A header name as compared: trimmed and lower-cased. Quotes around a name are dropped too. */
export const normaliseHeaderName = (name: string): string => {
  const trimmed = name.trim()
  const unquoted =
    trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
      ? trimmed.slice(1, -1).trim()
      : trimmed
  return unquoted.toLowerCase()
}

/** Maps a normalised header name (English or Swedish) to its column's position. */
export const columnLookup = (columns: ReadonlyArray<ColumnSpec>): ReadonlyMap<string, number> => {
  const lookup = new Map<string, number>()
  columns.forEach((column, index) => {
    lookup.set(column.name, index)
    lookup.set(column.alias, index)
  })
  return lookup
}

/** `"priority" or "prio"`, for messages that tell which names a column may have. */
export const acceptedNames = (column: ColumnSpec): string =>
  column.alias === column.name ? `"${column.name}"` : `"${column.name}" or "${column.alias}"`
