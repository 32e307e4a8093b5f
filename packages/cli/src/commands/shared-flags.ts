import { Flag } from "effect/cli"

/** Flags that name the input, shared by `report` and `validate`. */
export const inputFlags = {
  missions: Flag.String("missions").pipe(
    Flag.withDescription(
      "missions export (CSV or NDJSON, may be .gz); with --rescue; default: the bundled sample",
    ),
    Flag.optional,
  ),
  rescue: Flag.String("rescue").pipe(
    Flag.withDescription("rescue-service cases export (CSV or NDJSON, may be .gz); with --missions"),
    Flag.optional,
  ),
  geography: Flag.String("geography").pipe(
    Flag.withDescription("reference data JSON (districts, municipalities, stations); default: Region Skåne"),
    Flag.optional,
  ),
  strict: Flag.Boolean("strict").pipe(
    Flag.withDefault(false),
    Flag.withDescription("fail (exit code 2) when any input row is rejected or any metric fails"),
  ),
  out: Flag.String("out").pipe(Flag.withDescription("output folder (default: out)"), Flag.withDefault("out")),
  quiet: Flag.Boolean("quiet").pipe(
    Flag.withDefault(false),
    Flag.withDescription("no progress on standard error (progress is shown only on a terminal)"),
  ),
}
