import type { DataSetBuilder } from "../dataset/builder.js"
import type { FileQuality } from "../model/report-model.js"
import type { TimeZone } from "../time/zone.js"
import { columnLookup, columnsOf, type FileKind } from "./columns.js"
import { CsvRows } from "./csv-rows.js"
import { detectDelimiter } from "./delimiter.js"
import { InputError } from "./input-error.js"
import { MissionRows } from "./mission-rows.js"
import { NdjsonRows } from "./ndjson-rows.js"
import type { Reject } from "./reject.js"
import { RescueCaseRows } from "./rescue-case-rows.js"
import type { Source } from "./source.js"
import { type RowChecker, Tally } from "./tally.js"
import { NotUtf8, Utf8Text } from "./utf8-text.js"
import { WarningCounter } from "./warnings.js"

/** One file read: its quality counts and its rejected rows, in file order. */
export interface FileRead {
  readonly quality: FileQuality
  readonly rejects: ReadonlyArray<Reject>
}

export interface ReadFileOptions {
  readonly source: Source
  readonly kind: FileKind
  readonly zone: TimeZone
  readonly builder: DataSetBuilder
  readonly onProgress: (rowsRead: number) => void
  readonly signal?: AbortSignal
}

/** The bytes looked at to tell text from binary. */
const SNIFF_BYTES = 1024

/** How much text may pile up before the format and delimiter must be decided without a full first line. */
const MAX_PRELUDE_CHARS = 1 << 20

interface RowReader {
  readonly hasHeader: boolean
  /** The line (1-based) the next text pushed starts on. */
  readonly currentLine: number
  push(text: string): void
  end(): void
}

/**
 * Reads one input file into the builder, chunk by chunk. Fails with an
 * `InputError` (thrown, for the caller to put in the error channel) when
 * the file as a whole cannot be read; every row it can read is counted as
 * accepted or rejected.
 */
export const readFile = async (options: ReadFileOptions): Promise<FileRead> => {
  const { source, kind } = options
  const file = source.name
  const tally = new Tally(options.onProgress)
  const warnings = new WarningCounter()
  // Strict, because a Windows-1252 "ö" read as U+FFFD would turn "Malmö" into a station of another region.
  const decoder = new Utf8Text()
  let reader: RowReader | undefined
  let prelude = ""
  let sniffed = false

  // The line the next decoded text starts on, for the message about a bad byte.
  const nextLine = (): number => reader?.currentLine ?? 1 + countLineFeeds(prelude)

  const nul = { seen: false }
  const feed = (text: string, final: boolean): void => {
    if (!nul.seen && text.includes("\0")) nul.seen = true
    if (reader !== undefined) {
      reader.push(text)
      return
    }
    prelude += text
    if (final || firstLineComplete(prelude) || prelude.length > MAX_PRELUDE_CHARS) {
      reader = makeReader(options, prelude, tally, warnings, nul)
      if (reader !== undefined) reader.push(prelude)
      prelude = ""
    }
  }

  for await (const chunk of source.chunks) {
    if (options.signal?.aborted) throw options.signal.reason
    if (!sniffed && chunk.length > 0) {
      checkNotBinary(file, chunk)
      if (kind === "missions") reserveRows(options, chunk)
      sniffed = true
    }
    feed(
      decodeUtf8(file, () => decoder.decode(chunk), nextLine),
      false,
    )
  }
  feed(
    decodeUtf8(file, () => decoder.end(), nextLine),
    true,
  )
  reader?.end()

  if (reader === undefined || !reader.hasHeader) {
    throw new InputError({
      file,
      kind: "empty",
      message: `${file}: the file is empty (not even a header line); export the ${kind === "missions" ? "missions" : "rescue cases"} again`,
    })
  }
  options.onProgress(tally.read)

  return {
    quality: {
      file,
      kind,
      read: tally.read,
      accepted: tally.accepted,
      rejected: tally.rejected,
      rejectedByReason: { ...tally.rejectedByReason },
      warnings: warnings.toRecord(),
    },
    rejects: tally.rejects,
  }
}

/** The most rows a byte can hold, for a bound on the estimate: no valid mission row is shorter than 32 bytes. */
const MIN_ROW_BYTES = 32

/**
 * Sizes the builder's columns for the rows the file probably holds, judged
 * by the lines of its first chunk and its size, so that they are filled
 * without being copied as they grow.
 */
const reserveRows = (options: ReadFileOptions, firstChunk: Uint8Array): void => {
  const size = options.source.byteLength
  if (size === undefined) return
  let lines = 0
  for (let at = firstChunk.indexOf(10); at >= 0; at = firstChunk.indexOf(10, at + 1)) lines++
  if (lines === 0) return
  const estimate = Math.ceil(((size / firstChunk.length) * lines * 21) / 20) + 16
  options.builder.reserveMissions(Math.min(estimate, Math.ceil(size / MIN_ROW_BYTES)))
}

/** Picks NDJSON or CSV (and the CSV delimiter) from the name and the first line; undefined while there is no text. */
const makeReader = (
  options: ReadFileOptions,
  prelude: string,
  tally: Tally,
  warnings: WarningCounter,
  nul: { readonly seen: boolean },
): RowReader | undefined => {
  const firstLine = firstNonBlankLine(prelude)
  if (firstLine === undefined) return undefined

  const { source, kind, zone, builder } = options
  const columns = columnsOf(kind)
  const makeChecker = (labels: ReadonlyArray<string>): RowChecker => {
    const rowSource = { file: source.name, columns, labels, nul }
    return kind === "missions"
      ? new MissionRows(rowSource, zone, builder, warnings)
      : new RescueCaseRows(rowSource, zone, builder, warnings)
  }

  if (isNdjsonName(source.name) || firstLine.trimStart().startsWith("{")) {
    return new NdjsonRows(columns, makeChecker(columns.map((column) => column.name)), tally, warnings)
  }
  const delimiter = detectDelimiter(firstLine, columnLookup(columns))
  return new CsvRows(source.name, columns, delimiter, makeChecker, tally, warnings)
}

const isNdjsonName = (name: string): boolean => /\.(ndjson|jsonl)(\.gz)?$/i.test(name)

/** Whether the text holds a line with something on it, followed by a line break. */
const firstLineComplete = (text: string): boolean => {
  let start = 0
  for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
    if (text.slice(start, end).trim().length > 0) return true
    start = end + 1
  }
  return false
}

const firstNonBlankLine = (text: string): string | undefined => {
  let start = 0
  while (start < text.length) {
    let end = text.indexOf("\n", start)
    if (end < 0) end = text.length
    const line = text.slice(start, end)
    if (line.trim().length > 0) return line.replace(/^\uFEFF/, "")
    start = end + 1
  }
  return undefined
}

/** Fails for text that is not text: a NUL byte in the first kilobyte, or the signature of gzip or zip. */
const checkNotBinary = (file: string, chunk: Uint8Array): void => {
  const fail = (what: string, fix: string): never => {
    throw new InputError({ file, kind: "binary", message: `${file}: ${what}; ${fix}` })
  }
  if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
    fail("the file is in UTF-16", "save it as UTF-8 (in Excel: CSV UTF-8)")
  }
  if (chunk[0] === 0x1f && chunk[1] === 0x8b) {
    fail("the file is gzip-compressed", "give it a name ending in .gz, or decompress it")
  }
  if (chunk[0] === 0x25 && chunk[1] === 0x50 && chunk[2] === 0x44 && chunk[3] === 0x46 && chunk[4] === 0x2d) {
    fail(
      "the file is a PDF document, not data",
      "export the missions or rescue cases as CSV (UTF-8) from the case system",
    )
  }
  if (chunk[0] === 0x50 && chunk[1] === 0x4b && chunk[2] === 0x03 && chunk[3] === 0x04) {
    fail("the file is a zip archive or a spreadsheet (.xlsx)", "export the sheet as CSV (UTF-8)")
  }
  const end = Math.min(chunk.length, SNIFF_BYTES)
  for (let i = 0; i < end; i++) {
    if (chunk[i] === 0)
      fail("the file is not text (it holds NUL bytes)", "give a CSV or NDJSON file in UTF-8")
  }
}

const countLineFeeds = (text: string): number => {
  let n = 0
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++
  return n
}

/** The next piece of text; fails for bytes that are not UTF-8, showing where, with the command that converts the file. */
const decodeUtf8 = (file: string, decode: () => string, nextLine: () => number): string => {
  try {
    return decode()
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error
    const near = error.near.replace(/\r?\n/g, " ")
    const line = nextLine() + error.lineBreaksBefore
    throw new InputError({
      file,
      kind: "encoding",
      message: `${file} line ${line}: the file is not UTF-8 (first bad byte near "${near}"); exports from Excel are often Windows-1252: convert with \`iconv -f WINDOWS-1252 -t UTF-8 "${file}" > converted.csv\` or save as "CSV UTF-8"`,
    })
  }
}
