import {
  type ColumnSpec,
  MISSION_COLUMNS,
  REJECT_REASONS,
  RESCUE_CASE_COLUMNS,
  type RejectReason,
} from "@ambu/core"
import { escapeHtml, htmlTable } from "../site/html.js"

/** What each column holds, in the docs' words; keyed by the contract's English name. */
const COLUMN_MEANINGS: Readonly<Record<string, string>> = {
  mission_id: "Identifies the row; must not repeat within the file.",
  case_id:
    "The dispatch case (one 112 call). Missions of one call share it; in the rescue file, one row per case.",
  resource_id: "The unit, such as AMB 3410.",
  station: "The resource's home station; a name outside the reference data marks an external resource.",
  priority: "1, 2 or 3: the priority the mission was dispatched with.",
  initial_priority: "1, 2 or 3: the case's first priority. Empty means the same as priority.",
  municipality_code:
    "Four digits: where the caller rang from. A code outside the reference data is an out-of-region caller.",
  call_answered_at: "When the dispatch centre answered the call.",
  dispatched_at: "When the resource was alarmed. Decides the mission's month.",
  en_route_at: "When the resource set off.",
  arrived_scene_at: "Arrival at the pick-up address.",
  left_scene_at: "Departure from the pick-up address.",
  arrived_destination_at: "Arrival at the drop-off address.",
  cleared_at: "End of the mission.",
  created_at: "When the rescue-service case was created. Decides the case's month.",
  index_1: "Top index level, e.g. Sjukvårdslarm or Ambulansassistans.",
  index_2: "Second index level, e.g. Första hjälpenlarm or IVPA.",
  index_3: "Third index level, e.g. Hjärtstopp.",
  rescue_resource_confirmed: "Whether a rescue resource was confirmed on the case (a boolean).",
}

/** What each reject reason means and how to fix the row; the build fails when core adds a reason the docs do not explain. */
const REJECT_MEANINGS: Readonly<Record<RejectReason, string>> = {
  "missing-required": "A required field is empty. Fill it in, or leave the row out of the export on purpose.",
  "invalid-format":
    "A value is not of its type: a timestamp in another format, a municipality code that is not four digits, a boolean that is none of the accepted words.",
  "unknown-priority": "The priority (or initial priority) is not 1, 2 or 3.",
  "duplicate-id":
    "The mission_id (or a rescue file's case_id) was already used on an earlier line. The earlier row stays; this one is rejected.",
  "nonexistent-local-time":
    "A naive local time in the spring-forward hour, which the clocks skipped. Export with an offset, or correct the time.",
  "malformed-row":
    "A CSV line with another number of fields than the header, or an NDJSON line that is not one JSON object.",
}

/** Where a rescue-file column means something else than the missions column of the same name. */
const RESCUE_COLUMN_MEANINGS: Readonly<Record<string, string>> = {
  case_id: "The rescue-service case; must not repeat within the file.",
}

const columnTable = (
  columns: ReadonlyArray<ColumnSpec>,
  overrides: Readonly<Record<string, string>> = {},
): string => {
  const rows = columns.map((column) => {
    const meaning = overrides[column.name] ?? COLUMN_MEANINGS[column.name]
    if (meaning === undefined)
      throw new Error(`docs: column "${column.name}" has no explanation in pages/input.ts`)
    return [
      `<code>${escapeHtml(column.name)}</code>`,
      `<code>${escapeHtml(column.alias)}</code>`,
      column.required ? "yes" : "no",
      escapeHtml(meaning),
    ]
  })
  return htmlTable(["column", "Swedish name", "required", "holds"], rows, "columns")
}

const rejectTable = (): string => {
  const rows = REJECT_REASONS.map((reason) => [`<code>${reason}</code>`, escapeHtml(REJECT_MEANINGS[reason])])
  return htmlTable(["reason", "what went wrong"], rows, "reject-reasons")
}

/** The input page's generated sections: column lists straight from core's readers, reject reasons from core's list. */
export const inputSections = (): Readonly<Record<string, string>> => ({
  "mission-columns": columnTable(MISSION_COLUMNS),
  "rescue-columns": columnTable(RESCUE_CASE_COLUMNS, RESCUE_COLUMN_MEANINGS),
  "reject-reasons": rejectTable(),
})
