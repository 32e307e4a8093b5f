/**
 * The bad-input corpus: each file in this folder (given as the missions
 * export, next to the valid `rescue-cases.csv`) and what a user should see.
 * Counts are worked out by hand from the files; `docs/hardening.md` explains
 * each decision.
 */

/** The whole file is refused: exit code 1 and one line on stderr that names the file and the fix. */
export interface FileError {
  readonly kind: "file-error"
  /** Parts of the message besides the file name. */
  readonly mentions: ReadonlyArray<string>
}

/** The file is read: every row is accepted or rejected, and each rejected row is explained. */
export interface RowsRead {
  readonly kind: "rows"
  readonly read: number
  readonly accepted: number
  readonly rejected: number
  readonly rejectedByReason: Readonly<Record<string, number>>
  readonly warnings: Readonly<Record<string, number>>
  /** Per rejected row, in file order: its line, field ("" for a row that could not be split) and parts of its message. */
  readonly rejects: ReadonlyArray<{
    readonly line: number
    readonly field: string
    readonly mentions: ReadonlyArray<string>
  }>
  /** When the report itself must fail (no data to report), part of its message. */
  readonly reportFails?: string
}

export interface CorpusCase {
  readonly file: string
  readonly what: string
  readonly outcome: FileError | RowsRead
}

const MISSING_COLUMNS = "the header has no column for"

export const CORPUS: ReadonlyArray<CorpusCase> = [
  {
    file: "valid-missions.csv",
    what: "three plain rows, the baseline",
    outcome: {
      kind: "rows",
      read: 3,
      accepted: 3,
      rejected: 0,
      rejectedByReason: {},
      warnings: {},
      rejects: [],
    },
  },
  {
    file: "empty.csv",
    what: "zero bytes",
    outcome: { kind: "file-error", mentions: ["empty", "export the missions again"] },
  },
  {
    file: "header-only.csv",
    what: "a header and no rows: read, nothing to report",
    outcome: {
      kind: "rows",
      read: 0,
      accepted: 0,
      rejected: 0,
      rejectedByReason: {},
      warnings: {},
      rejects: [],
      reportFails: "no mission was accepted",
    },
  },
  {
    file: "missing-column.csv",
    what: "the header lacks larmad (dispatched_at)",
    outcome: {
      kind: "file-error",
      mentions: [MISSING_COLUMNS, "dispatched_at", '"larmad"', "add the column"],
    },
  },
  {
    file: "unknown-column.csv",
    what: "an extra column kommentar: ignored, counted as a warning",
    outcome: {
      kind: "rows",
      read: 2,
      accepted: 2,
      rejected: 0,
      rejectedByReason: {},
      warnings: { "unknown-column": 1 },
      rejects: [],
    },
  },
  {
    file: "tab-delimited.csv",
    what: "tabs instead of ; or ,",
    outcome: { kind: "file-error", mentions: [MISSING_COLUMNS, "separated by tabs", '"," or ";"'] },
  },
  {
    file: "pipe-delimited.csv",
    what: "| instead of ; or ,",
    outcome: { kind: "file-error", mentions: [MISSING_COLUMNS, 'separated by "|"', '"," or ";"'] },
  },
  {
    file: "windows-1252.csv",
    what: "Malmö and Hässleholm in Windows-1252: refused, since a misread name moves a station out of the region",
    outcome: { kind: "file-error", mentions: ["not UTF-8", "Malm\uFFFD", "iconv -f WINDOWS-1252 -t UTF-8"] },
  },
  {
    file: "crlf.csv",
    what: "Windows line ends",
    outcome: {
      kind: "rows",
      read: 3,
      accepted: 3,
      rejected: 0,
      rejectedByReason: {},
      warnings: {},
      rejects: [],
    },
  },
  {
    file: "quoted-fields.csv",
    what: 'quoted fields holding ";", "" and a line break; the second row spans lines 3-4',
    outcome: {
      kind: "rows",
      read: 2,
      accepted: 2,
      rejected: 0,
      rejectedByReason: {},
      warnings: {},
      rejects: [],
    },
  },
  {
    file: "truncated-last-line.csv",
    what: "the last row cut after 60 characters, with no line end",
    outcome: {
      kind: "rows",
      read: 2,
      accepted: 1,
      rejected: 1,
      rejectedByReason: { "malformed-row": 1 },
      warnings: {},
      // 60 characters of row 2 hold 9 fields (8 delimiters); the header has 14.
      rejects: [{ line: 3, field: "", mentions: ["line 3", "9 fields but the header has 14"] }],
    },
  },
  {
    file: "decimal-comma-priority.csv",
    what: 'prio "2,0" with a decimal comma: not a priority',
    outcome: {
      kind: "rows",
      read: 2,
      accepted: 1,
      rejected: 1,
      rejectedByReason: { "unknown-priority": 1 },
      warnings: {},
      rejects: [{ line: 3, field: "priority", mentions: ['field "prio"', '"2,0"', "use 1, 2 or 3"] }],
    },
  },
  {
    file: "far-timestamps.csv",
    what: "dispatches in 2099 and 1975: well-formed times are kept (see the known problem in docs/hardening.md)",
    outcome: {
      kind: "rows",
      read: 3,
      accepted: 3,
      rejected: 0,
      rejectedByReason: {},
      warnings: {},
      rejects: [],
    },
  },
  {
    file: "pdf-renamed.csv",
    what: "a PDF document named .csv",
    outcome: { kind: "file-error", mentions: ["PDF document", "export", "CSV (UTF-8)"] },
  },
  {
    file: "rescue-as-missions.csv",
    what: "the rescue-cases export given as the missions file",
    outcome: { kind: "file-error", mentions: [MISSING_COLUMNS, "rescue cases file", "swapped"] },
  },
]

/** The valid rescue-cases file every case is paired with. */
export const RESCUE_FILE = "rescue-cases.csv"

export const RESCUE_ROWS = 2
