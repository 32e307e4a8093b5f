import { readFile } from "node:fs/promises"
import * as Effect from "effect/Effect"
import type { z } from "zod"
import {
  type Boundaries,
  type District,
  type Geography,
  type Municipality,
  type Station,
  stationKey,
} from "../domain/geography.js"
import { isValidTimeZone } from "../time/zone.js"
import { type GeographyError, type GeographyProblem, geographyError } from "./geography-error.js"
import { boundariesSchema, districtSchema, municipalitySchema, stationSchema } from "./geography-schema.js"

/**
 * Reads a geography file's text (the `--geography FILE` replacement of the
 * bundled Region Skåne) and checks it completely: JSON syntax, the shape of
 * every entry, the time zone, duplicates, and that every reference between
 * districts, municipalities and stations resolves. Fails with every problem
 * found, each with its JSON path and a fix.
 *
 * @example
 * const geography = yield* parseGeography(text, "region.json")
 */
export const parseGeography = (text: string, fileName: string): Effect.Effect<Geography, GeographyError> =>
  Effect.suspend(() => {
    const json = parseJson(text)
    if ("problem" in json) return Effect.fail(geographyError(fileName, [json.problem]))

    const checked = checkGeography(json.value)
    return checked.problems.length === 0 && checked.geography !== undefined
      ? Effect.succeed(checked.geography)
      : Effect.fail(geographyError(fileName, checked.problems))
  })

/** Reads and checks a geography file from disk; a file that cannot be read fails like a bad one. */
export const loadGeographyFile = (path: string): Effect.Effect<Geography, GeographyError> =>
  Effect.tryPromise({
    try: () => readFile(path, "utf8"),
    catch: (cause) =>
      geographyError(path, [
        {
          path: "",
          problem: `the file cannot be read (${cause instanceof Error ? cause.message : String(cause)})`,
          fix: "check the path given for the geography file and that it is readable",
        },
      ]),
  }).pipe(Effect.flatMap((text) => parseGeography(text, path)))

const parseJson = (text: string): { readonly value: unknown } | { readonly problem: GeographyProblem } => {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  try {
    return { value: JSON.parse(withoutBom) }
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    return {
      problem: {
        path: "",
        problem: `the file is not valid JSON${jsonErrorLocation(withoutBom, reason)}: ${reason}`,
        fix: "correct the JSON syntax there (double-quoted names and strings, no trailing commas, no comments)",
      },
    }
  }
}

/** ` at line L, column C`, from the character position V8 puts in most of its JSON messages. */
const jsonErrorLocation = (text: string, reason: string): string => {
  const atPosition = /at position (\d+)/.exec(reason)
  const position = atPosition !== null ? Number(atPosition[1]) : /end of JSON/.test(reason) ? text.length : -1
  if (position < 0) return ""

  const before = text.slice(0, position)
  const line = before.split("\n").length
  const column = position - before.lastIndexOf("\n")
  return ` at line ${line}, column ${column}`
}

interface Entry<T> {
  readonly index: number
  readonly value: T
}

interface Checked {
  readonly problems: ReadonlyArray<GeographyProblem>
  readonly geography?: Geography
}

const checkGeography = (root: unknown): Checked => {
  if (!isRecord(root)) {
    return {
      problems: [
        {
          path: "",
          problem: "the file holds no JSON object",
          fix: "write one object with region, timeZone, districts, municipalities and stations",
        },
      ],
    }
  }
  const problems: Array<GeographyProblem> = []

  const region = checkText(root.region, "region", 'name the region, e.g. "Region Skåne"', problems)
  const timeZoneName = checkTimeZone(root.timeZone, problems)
  const districts = checkEntries(root.districts, "districts", districtSchema, problems)
  const municipalities = checkEntries(root.municipalities, "municipalities", municipalitySchema, problems)
  const stations = checkEntries(root.stations, "stations", stationSchema, problems)
  const boundaries = checkBoundaries(root.boundaries, problems)

  const districtIds = knownKeys(root.districts, "id")
  const municipalityDistricts = new Map(municipalities.map((m) => [m.value.code, m.value.district] as const))
  reportDuplicates(districts, "districts", "id", (d) => d.id, "district id", problems)
  reportDuplicates(municipalities, "municipalities", "code", (m) => m.code, "municipality code", problems)
  reportDuplicates(stations, "stations", "name", (s) => stationKey(s.name), "station name", problems)
  checkMunicipalityDistricts(municipalities, districtIds, problems)
  checkStationReferences(
    stations,
    districtIds,
    municipalityDistricts,
    knownKeys(root.municipalities, "code"),
    problems,
  )

  if (problems.length > 0 || region === undefined || timeZoneName === undefined) return { problems }
  return {
    problems,
    geography: {
      region,
      timeZone: timeZoneName,
      districts: districts.map((d): District => d.value),
      municipalities: municipalities.map((m): Municipality => m.value),
      stations: stations.map((s): Station => ({ ...s.value, district: s.value.district ?? "" })),
      ...(boundaries === undefined ? {} : { boundaries }),
    },
  }
}

const checkText = (
  value: unknown,
  path: string,
  fix: string,
  problems: Array<GeographyProblem>,
): string | undefined => {
  if (typeof value === "string" && value.trim() !== "") return value.trim()
  problems.push({
    path,
    problem: value === undefined ? "is missing" : `must be a non-empty string, not ${JSON.stringify(value)}`,
    fix,
  })
  return undefined
}

const checkTimeZone = (value: unknown, problems: Array<GeographyProblem>): string | undefined => {
  const fix = 'use an IANA time zone name, e.g. "Europe/Stockholm"'
  const name = checkText(value, "timeZone", fix, problems)
  if (name === undefined || isValidTimeZone(name)) return name

  problems.push({ path: "timeZone", problem: `the time zone "${name}" is unknown`, fix })
  return undefined
}

/** Checks each entry of a list on its own, so one bad entry does not hide problems in the others. */
/** Districts, municipalities and stations are referred to by Int16 indices in the data set (`dataset/data-set.ts`). */
export const MAX_ENTRIES = 32_767

const checkEntries = <T>(
  value: unknown,
  path: string,
  schema: z.ZodType<T>,
  problems: Array<GeographyProblem>,
): ReadonlyArray<Entry<T>> => {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({
      path,
      problem: value === undefined ? "is missing" : "must be a non-empty list",
      fix: `list the ${path} as a JSON array of objects`,
    })
    return []
  }
  if (value.length > MAX_ENTRIES) {
    problems.push({
      path,
      problem: `lists ${value.length} entries, more than the ${MAX_ENTRIES} the data set can refer to`,
      fix: `split the region into several geographies of at most ${MAX_ENTRIES} ${path} each`,
    })
    return []
  }

  const entries: Array<Entry<T>> = []
  value.forEach((item: unknown, index) => {
    const result = schema.safeParse(item)
    if (result.success) entries.push({ index, value: result.data })
    else problems.push(...result.error.issues.map((issue) => schemaProblem(`${path}[${index}]`, issue)))
  })
  return entries
}

const checkBoundaries = (value: unknown, problems: Array<GeographyProblem>): Boundaries | undefined => {
  if (value === undefined) return undefined

  const result = boundariesSchema.safeParse(value)
  if (result.success) return result.data
  problems.push(...result.error.issues.map((issue) => schemaProblem("boundaries", issue)))
  return undefined
}

const schemaProblem = (prefix: string, issue: z.core.$ZodIssue): GeographyProblem => {
  const path = issue.path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : `${text}.${String(key)}`),
    prefix,
  )
  return { path, problem: issue.message, fix: schemaFix(issue) }
}

const schemaFix = (issue: z.core.$ZodIssue): string => {
  switch (issue.code) {
    case "invalid_type":
      return issue.message.endsWith("received undefined")
        ? `add the field, a ${issue.expected}`
        : `write a ${issue.expected} here`
    case "invalid_value":
      return `use ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`
    case "too_small":
      return issue.origin === "string"
        ? "fill in a value"
        : `use a value of at least ${String(issue.minimum)}`
    case "too_big":
      return `use a value of at most ${String(issue.maximum)}`
    case "invalid_format":
      return "write the value in the form the message names"
    default:
      return "correct the value to the documented geography format"
  }
}

/** The values of `key` in the raw list, also from entries that failed their schema, so they cause no echo errors. */
const knownKeys = (list: unknown, key: string): ReadonlySet<string> => {
  const keys = new Set<string>()
  if (!Array.isArray(list)) return keys
  for (const item of list) {
    const value = isRecord(item) ? item[key] : undefined
    if (typeof value === "string") keys.add(value.trim())
  }
  return keys
}

const reportDuplicates = <T>(
  entries: ReadonlyArray<Entry<T>>,
  path: string,
  field: string,
  keyOf: (value: T) => string,
  what: string,
  problems: Array<GeographyProblem>,
): void => {
  const firstIndex = new Map<string, number>()
  for (const entry of entries) {
    const key = keyOf(entry.value)
    const first = firstIndex.get(key)
    if (first === undefined) {
      firstIndex.set(key, entry.index)
      continue
    }
    problems.push({
      path: `${path}[${entry.index}].${field}`,
      problem: `the ${what} "${key}" is listed twice, first at ${path}[${first}]`,
      fix: `remove one of the two entries or correct the ${what}`,
    })
  }
}

const checkMunicipalityDistricts = (
  municipalities: ReadonlyArray<Entry<z.output<typeof municipalitySchema>>>,
  districtIds: ReadonlySet<string>,
  problems: Array<GeographyProblem>,
): void => {
  for (const { index, value } of municipalities) {
    if (districtIds.has(value.district)) continue
    problems.push({
      path: `municipalities[${index}].district`,
      problem: `municipality ${value.code} (${value.name}) names the district "${value.district}", which is not among the districts (${listed(districtIds)})`,
      fix: "use the id of a listed district, or add that district to districts",
    })
  }
}

const checkStationReferences = (
  stations: ReadonlyArray<Entry<z.output<typeof stationSchema>>>,
  districtIds: ReadonlySet<string>,
  municipalityDistricts: ReadonlyMap<string, string>,
  municipalityCodes: ReadonlySet<string>,
  problems: Array<GeographyProblem>,
): void => {
  for (const { index, value } of stations) {
    const path = `stations[${index}]`
    const district = value.district?.trim() ?? ""
    const likelyDistrict = municipalityDistricts.get(value.municipality)

    if (district === "") {
      problems.push({
        path: `${path}.district`,
        problem: `station "${value.name}" has no district`,
        fix:
          likelyDistrict === undefined
            ? `add "district" with the id of one of the districts (${listed(districtIds)})`
            : `add "district": "${likelyDistrict}", the district of its municipality ${value.municipality}`,
      })
    } else if (!districtIds.has(district)) {
      problems.push({
        path: `${path}.district`,
        problem: `station "${value.name}" names the district "${district}", which is not among the districts (${listed(districtIds)})`,
        fix: "use the id of a listed district, or add that district to districts",
      })
    }

    if (!municipalityCodes.has(value.municipality)) {
      problems.push({
        path: `${path}.municipality`,
        problem: `station "${value.name}" lies in the municipality "${value.municipality}", which is not among the municipalities`,
        fix: "use the code of a listed municipality, or add that municipality to municipalities",
      })
    }
  }
}

const listed = (keys: ReadonlySet<string>): string => (keys.size === 0 ? "none" : [...keys].join(", "))

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)
