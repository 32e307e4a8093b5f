import * as Effect from "effect/Effect"
import { resolveGeography } from "../../domain/geography.js"
import { testGeography } from "../../testing/index.js"
import type { InputError } from "../input-error.js"
import { type ReadResult, readInput } from "../read-input.js"
import { type Source, textSource } from "../source.js"

export const MISSION_HEADER =
  "mission_id,case_id,resource_id,station,priority,initial_priority,municipality_code," +
  "call_answered_at,dispatched_at,en_route_at,arrived_scene_at,left_scene_at,arrived_destination_at,cleared_at"

export const RESCUE_HEADER =
  "case_id,municipality_code,created_at,index_1,index_2,index_3,rescue_resource_confirmed"

/** A mission row with the defaults of a plain, valid row; times are given by field position. */
export const missionRow = (
  fields: Partial<{
    id: string
    case: string
    resource: string
    station: string
    priority: string
    initial: string
    municipality: string
    answered: string
    dispatched: string
    enRoute: string
    arrived: string
    left: string
    destination: string
    cleared: string
  }> = {},
): string =>
  [
    fields.id ?? "M1",
    fields.case ?? "C1",
    fields.resource ?? "AMB 1",
    fields.station ?? "Malmö",
    fields.priority ?? "1",
    fields.initial ?? "",
    fields.municipality ?? "1280",
    fields.answered ?? "",
    fields.dispatched ?? "2025-06-02 10:00:00",
    fields.enRoute ?? "",
    fields.arrived ?? "",
    fields.left ?? "",
    fields.destination ?? "",
    fields.cleared ?? "",
  ].join(",")

export const missionsCsv = (...rows: string[]): string => [MISSION_HEADER, ...rows].join("\n")

const run = (missions: Source, rescueCases: Source) =>
  readInput({ missions, rescueCases, geography: resolveGeography(testGeography) })

/** Reads the two texts (rescue cases default to a header only) and returns the result. */
export const readTexts = (
  missions: string | Source,
  rescueCases: string | Source = RESCUE_HEADER,
): Promise<ReadResult> =>
  Effect.runPromise(
    run(
      typeof missions === "string" ? textSource("missions.csv", missions) : missions,
      typeof rescueCases === "string" ? textSource("rescue_cases.csv", rescueCases) : rescueCases,
    ),
  )

/** Reads the two sources expecting an `InputError`, and returns it. */
export const readFailure = (
  missions: Source,
  rescueCases: Source = textSource("rescue_cases.csv", RESCUE_HEADER),
) => Effect.runPromise(Effect.flip(run(missions, rescueCases))) as Promise<InputError>
