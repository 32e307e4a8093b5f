/**
 * The header of an input CSV file: which delimiter it uses and which column
 * of the file holds each field of the data contract (English name or Swedish
 * alias, case-insensitive).
 */
import { closeSync, openSync, readSync } from "node:fs"
import { constants, gunzipSync } from "node:zlib"

export const MISSION_FIELDS = [
  ["mission_id", "uppdrags_id", true],
  ["case_id", "arende_id", true],
  ["resource_id", "resurs", true],
  ["station", "station", true],
  ["priority", "prio", true],
  ["initial_priority", "prio_initial", false],
  ["municipality_code", "kommunkod", true],
  ["call_answered_at", "samtal_besvarat", false],
  ["dispatched_at", "larmad", true],
  ["en_route_at", "paborjat", false],
  ["arrived_scene_at", "framme_hamtadress", false],
  ["left_scene_at", "lamnat_hamtadress", false],
  ["arrived_destination_at", "framme_avlamning", false],
  ["cleared_at", "klar", false],
]

export const RESCUE_FIELDS = [
  ["case_id", "arende_id", true],
  ["municipality_code", "kommunkod", true],
  ["created_at", "skapad", true],
  ["index_1", "indexniva_1", true],
  ["index_2", "indexniva_2", false],
  ["index_3", "indexniva_3", false],
  ["rescue_resource_confirmed", "bekraftad_resurs", true],
]

const firstLine = (path) => {
  const fd = openSync(path, "r")
  try {
    const buffer = Buffer.alloc(65_536)
    const length = readSync(fd, buffer, 0, buffer.length, 0)
    // A gzip file's first block is enough for the header; a sync flush accepts the cut-off stream.
    const bytes = path.endsWith(".gz")
      ? gunzipSync(buffer.subarray(0, length), { finishFlush: constants.Z_SYNC_FLUSH })
      : buffer.subarray(0, length)
    const text = bytes.toString("utf8").replace(/^\uFEFF/, "")
    return text.split(/\r?\n/, 1)[0] ?? ""
  } finally {
    closeSync(fd)
  }
}

const headerName = (raw) =>
  raw
    .trim()
    .replace(/^"(.*)"$/, "$1")
    .trim()
    .toLowerCase()

/**
 * Reads the header line of `path` and maps each contract field to the file's
 * own column name (as DuckDB will call it), or null for an absent optional
 * field. Throws when a required field is missing.
 */
export const readCsvHeader = (path, fields) => {
  const line = firstLine(path)
  const delimiter = line.split(";").length >= line.split(",").length ? ";" : ","
  const names = line.split(delimiter).map((raw) => raw.trim().replace(/^"(.*)"$/, "$1"))
  const byNormalised = new Map(names.map((name) => [headerName(name), name]))

  const columns = {}
  for (const [field, alias, required] of fields) {
    const column = byNormalised.get(field) ?? byNormalised.get(alias) ?? null
    if (column === null && required) throw new Error(`${path}: no column ${field} (or ${alias})`)
    columns[field] = column
  }
  return { delimiter, columns }
}
