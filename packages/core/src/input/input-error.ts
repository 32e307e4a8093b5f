import * as Data from "effect/Data"

/**
 * Why a whole input file could not be read:
 * - `not-found`: no such file (or it is a directory);
 * - `unreadable`: reading failed part-way, e.g. a corrupt gzip stream;
 * - `binary`: not text (NUL bytes, a zip, gzip or PDF file under a text name);
 * - `encoding`: text that is not UTF-8 (usually Windows-1252 from Excel);
 * - `empty`: not even a header;
 * - `missing-column`: the header lacks a required column;
 * - `duplicate-column`: two header columns mean the same field;
 * - `invalid-time-zone`: the geography names a zone the runtime does not know.
 */
export type InputErrorKind =
  | "not-found"
  | "unreadable"
  | "binary"
  | "encoding"
  | "empty"
  | "missing-column"
  | "duplicate-column"
  | "invalid-time-zone"

/** A problem that makes a whole input file unreadable; the message names the file and the fix. */
export class InputError extends Data.TaggedError("InputError")<{
  readonly file: string
  readonly kind: InputErrorKind
  readonly message: string
  readonly cause?: unknown
}> {}
