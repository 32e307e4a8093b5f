import * as Data from "effect/Data"

/** One thing wrong in a geography file. */
export interface GeographyProblem {
  /** JSON path of the bad value, e.g. `stations[3].district`; empty for the file as a whole. */
  readonly path: string
  readonly problem: string
  readonly fix: string
}

/** A geography file could not be used; `problems` lists everything found, the message names the file. */
export class GeographyError extends Data.TaggedError("GeographyError")<{
  readonly fileName: string
  readonly problems: ReadonlyArray<GeographyProblem>
  readonly message: string
}> {}

/** Builds the error with a message that lists every problem with its path and fix. */
export const geographyError = (
  fileName: string,
  problems: ReadonlyArray<GeographyProblem>,
): GeographyError => {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`
  const lines = problems.map(
    (p) => `  - ${p.path === "" ? "" : `at ${p.path}: `}${p.problem}. Fix: ${p.fix}.`,
  )
  return new GeographyError({
    fileName,
    problems,
    message: [`${fileName}: the geography has ${count}:`, ...lines].join("\n"),
  })
}
