import { normaliseHeaderName } from "./columns.js"

export const COMMA = 44
export const SEMICOLON = 59

/**
 * Chooses the CSV delimiter from the header line: the one of `,` and `;`
 * that splits it into more recognised column names; if both recognise as
 * many, the one giving more fields; if still tied, `,`. Counting recognised
 * names rather than characters keeps a header like `station;"a,b"` right.
 */
export const detectDelimiter = (headerLine: string, known: ReadonlyMap<string, number>): number => {
  const comma = scoreSplit(headerLine, ",", known)
  const semicolon = scoreSplit(headerLine, ";", known)
  if (semicolon.recognised !== comma.recognised)
    return semicolon.recognised > comma.recognised ? SEMICOLON : COMMA
  return semicolon.fields > comma.fields ? SEMICOLON : COMMA
}

const scoreSplit = (
  line: string,
  delimiter: string,
  known: ReadonlyMap<string, number>,
): { recognised: number; fields: number } => {
  const names = line.split(delimiter)
  return {
    recognised: names.filter((name) => known.has(normaliseHeaderName(name))).length,
    fields: names.length,
  }
}

const FOREIGN_DELIMITERS: ReadonlyArray<readonly [string, string]> = [
  ["\t", "tabs"],
  ["|", '"|"'],
]

/**
 * What a header line that `,` and `;` could not split is separated by, when
 * splitting it by a tab or `|` finds at least two known column names; for
 * a message that says what to change.
 */
export const foreignDelimiter = (
  headerLine: string,
  known: ReadonlyMap<string, number>,
): string | undefined =>
  FOREIGN_DELIMITERS.find(([delimiter]) => scoreSplit(headerLine, delimiter, known).recognised >= 2)?.[1]
