/**
 * The number formats of a chart's embedded workbook. pptxgenjs writes every
 * cell as General, so a duration (a fraction of a day) would be edited as
 * 0.0125 and a share as 0.9; here each value cell takes the format its
 * series has in the chart, and reads 18:00 or 90.0 % as on the slide.
 */

/** A chart's value ranges: the workbook column of each series and the format code of its values. */
export interface ValueFormat {
  readonly column: string
  readonly firstRow: number
  readonly lastRow: number
  readonly formatCode: string
}

const decode = (text: string): string =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")

const encodeAttribute = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

/** Each series' value range (`Sheet1!$C$2:$C$4`) with the format code of its cached values. */
export const valueFormats = (chartXml: string): ReadonlyArray<ValueFormat> =>
  [...chartXml.matchAll(/<c:val>([\s\S]*?)<\/c:val>/g)].flatMap(([, value = ""]) => {
    const range = /<c:f>Sheet1!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)<\/c:f>/.exec(value)
    const format = /<c:formatCode>([^<]*)<\/c:formatCode>/.exec(value)
    if (range === null || format === null) return []
    const formatCode = decode(format[1]!)
    if (formatCode === "General") return []
    return [{ column: range[1]!, firstRow: Number(range[2]), lastRow: Number(range[3]), formatCode }]
  })

/** The first id Excel leaves to a workbook's own number formats. */
const FIRST_CUSTOM_FORMAT = 164

/**
 * The style sheet with one cell format per code: `xf` 0 stays the default,
 * `xf` n is the n-th code (number format 163 + n). pptxgenjs writes no cell
 * formats at all, so they are added after the borders, where the schema
 * places them.
 */
export const withNumberFormats = (stylesXml: string, codes: ReadonlyArray<string>): string => {
  const numFmts = [
    '<numFmt numFmtId="0" formatCode="General"/>',
    ...codes.map(
      (code, index) =>
        `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + index}" formatCode="${encodeAttribute(code)}"/>`,
    ),
  ]
  const xfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    ...codes.map(
      (_, index) =>
        `<xf numFmtId="${FIRST_CUSTOM_FORMAT + index}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    ),
  ]
  const cellFormats =
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
  return stylesXml
    .replace(
      /<numFmts\b[^>]*>[\s\S]*?<\/numFmts>/,
      `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>`,
    )
    .replace(/<\/borders>/, `</borders>${cellFormats}`)
}

/** The distinct format codes of a chart, in order of first use. */
export const formatCodes = (formats: ReadonlyArray<ValueFormat>): ReadonlyArray<string> => [
  ...new Set(formats.map((format) => format.formatCode)),
]

const columnOf = (reference: string): string => /^[A-Z]+/.exec(reference)?.[0] ?? ""
const rowOf = (reference: string): number => Number(/\d+$/.exec(reference)?.[0])

/** Gives each value cell (`<c r="C3"><v>…</v></c>`) the style of its series' format, as `withNumberFormats` numbered them. */
export const styleValueCells = (sheetXml: string, formats: ReadonlyArray<ValueFormat>): string => {
  const codes = formatCodes(formats)
  return sheetXml.replace(/<c r="([A-Z]+\d+)"\s*>(?=<v>)/g, (cell, reference: string) => {
    const format = formats.find(
      (candidate) =>
        candidate.column === columnOf(reference) &&
        rowOf(reference) >= candidate.firstRow &&
        rowOf(reference) <= candidate.lastRow,
    )
    return format === undefined ? cell : `<c r="${reference}" s="${codes.indexOf(format.formatCode) + 1}">`
  })
}
