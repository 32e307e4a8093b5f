import * as Data from "effect/Data"

/** A deck configuration is wrong; the message names the file, the key and what is allowed. */
export class ConfigError extends Data.TaggedError("ConfigError")<{
  /** The configuration file, or `--config`'s value, as the user wrote it. */
  readonly file: string
  readonly message: string
  readonly cause?: unknown
}> {}
