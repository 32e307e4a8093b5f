import * as Effect from "effect/Effect"
import { DataSetBuilder } from "../dataset/builder.js"
import type { DataSet } from "../dataset/data-set.js"
import type { ResolvedGeography } from "../domain/geography.js"
import type { FileQuality } from "../model/report-model.js"
import { type TimeZone, timeZone } from "../time/zone.js"
import type { FileKind } from "./columns.js"
import { type FileRead, readFile } from "./file-reader.js"
import { InputError } from "./input-error.js"
import type { Reject } from "./reject.js"
import type { Source } from "./source.js"

export interface ReadInputOptions {
  readonly missions: Source
  readonly rescueCases: Source
  readonly geography: ResolvedGeography
  /** Called now and then with the number of rows read so far, both files together. */
  readonly onProgress?: (rowsRead: number) => void
}

/** The accepted rows as a data set, the quality counts per file (missions first) and every rejected row. */
export interface ReadResult {
  readonly dataset: DataSet
  readonly files: ReadonlyArray<FileQuality>
  readonly rejects: ReadonlyArray<Reject>
}

/**
 * Reads and validates the missions and rescue-case files into a data set.
 * A bad row never fails the program: it becomes a reject, and
 * `accepted + rejected = read` holds for each file. The program fails with
 * an `InputError` only when a file as a whole cannot be read (missing,
 * empty, binary, a required column missing). Strict mode is
 * `result.rejects.length > 0`.
 *
 * @example
 * const result = yield* readInput({
 *   missions: fileSource("missions.csv"),
 *   rescueCases: fileSource("rescue_cases.csv"),
 *   geography: resolveGeography(skane),
 * })
 */
export const readInput = (options: ReadInputOptions): Effect.Effect<ReadResult, InputError> =>
  Effect.gen(function* () {
    const zone = yield* zoneOf(options.geography)
    const builder = new DataSetBuilder(options.geography, zone)
    const report = options.onProgress ?? (() => {})

    const missions = yield* readOne(options.missions, "missions", zone, builder, report)
    const rescueCases = yield* readOne(options.rescueCases, "rescue-cases", zone, builder, (rows) =>
      report(missions.quality.read + rows),
    )

    return {
      dataset: builder.build(),
      files: [missions.quality, rescueCases.quality],
      rejects: [...missions.rejects, ...rescueCases.rejects],
    }
  })

const zoneOf = (geography: ResolvedGeography): Effect.Effect<TimeZone, InputError> => {
  const name = geography.geography.timeZone
  return Effect.try({
    try: () => timeZone(name),
    catch: (cause) =>
      new InputError({
        file: "geography",
        kind: "invalid-time-zone",
        message: `geography: "${name}" is not a time zone this runtime knows; use an IANA name such as Europe/Stockholm`,
        cause,
      }),
  })
}

const readOne = (
  source: Source,
  kind: FileKind,
  zone: TimeZone,
  builder: DataSetBuilder,
  onProgress: (rowsRead: number) => void,
): Effect.Effect<FileRead, InputError> =>
  Effect.tryPromise({
    try: (signal) => readFile({ source, kind, zone, builder, onProgress, signal }),
    catch: (cause) => (cause instanceof InputError ? cause : unreadable(source.name, cause)),
  })

/** Turns a failure of the byte stream (a missing file, a corrupt gzip) into an `InputError` that names the fix. */
const unreadable = (file: string, cause: unknown): InputError => {
  const code = typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : ""
  const detail = cause instanceof Error ? cause.message : String(cause)
  switch (code) {
    case "ENOENT":
      return new InputError({
        file,
        kind: "not-found",
        message: `${file}: no such file; check the path`,
        cause,
      })
    case "EISDIR":
      return new InputError({
        file,
        kind: "not-found",
        message: `${file}: is a directory, not a file; give the path of the file inside it`,
        cause,
      })
    case "EACCES":
    case "EPERM":
      return new InputError({
        file,
        kind: "unreadable",
        message: `${file}: permission denied; make the file readable for this user`,
        cause,
      })
  }
  if (code.startsWith("Z_") || code === "ERR_ZLIB") {
    return new InputError({
      file,
      kind: "unreadable",
      message: `${file}: not a valid gzip file (${detail}); decompress it yourself or remove the .gz from its name`,
      cause,
    })
  }
  return new InputError({
    file,
    kind: "unreadable",
    message: `${file}: could not be read (${detail})`,
    cause,
  })
}
