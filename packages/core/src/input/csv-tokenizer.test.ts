import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type CsvDefect, CsvTokenizer } from "./csv-tokenizer.js"
import { referenceRecords } from "./test-support/reference-csv.js"

interface Tokenized {
  readonly fields: string[]
  readonly line: number
  readonly defect: CsvDefect | undefined
}

/** Tokenizes `text` cut into chunks at the given positions. */
const tokenize = (text: string, cuts: ReadonlyArray<number> = [], delimiter = ","): Tokenized[] => {
  const records: Tokenized[] = []
  const tokenizer = new CsvTokenizer(delimiter.charCodeAt(0), (fields, count, line, defect) => {
    records.push({ fields: fields.slice(0, count), line, defect })
  })
  let from = 0
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    tokenizer.push(text.slice(from, cut))
    from = cut
  }
  tokenizer.push(text.slice(from))
  tokenizer.end()
  return records
}

describe("CsvTokenizer", () => {
  it("splits plain records and numbers them by physical line", () => {
    expect(tokenize("a,b\n1,2\n")).toEqual([
      { fields: ["a", "b"], line: 1, defect: undefined },
      { fields: ["1", "2"], line: 2, defect: undefined },
    ])
  })

  it("keeps delimiters and line breaks inside quotes, so the next record starts lines further down", () => {
    // Line 1: a,b  lines 2-3: one record whose second field spans a break  line 4: c,d
    const records = tokenize('a,b\n"x,1","y\nz"\nc,d')
    expect(records.map((r) => r.fields)).toEqual([
      ["a", "b"],
      ["x,1", "y\nz"],
      ["c", "d"],
    ])
    expect(records.map((r) => r.line)).toEqual([1, 2, 4])
  })

  it("counts a CR that ends one quoted field and an LF that starts the next as two line breaks", () => {
    // Lines: 1 a,b  2 "x  3 ","  4 y"  5 c,d. The CR and LF are not one CRLF: a quote stands between.
    const records = tokenize('a,b\n"x\r","\ny"\nc,d')
    expect(records.map((r) => r.line)).toEqual([1, 2, 5])
    expect(records[1]!.fields).toEqual(["x\r", "\ny"])
  })

  it('reads "" inside quotes as one quote', () => {
    expect(tokenize('"he said ""hi""",x')[0]!.fields).toEqual(['he said "hi"', "x"])
  })

  it("ends records at CRLF and at a lone CR, and skips blank and white-space-only lines", () => {
    // 1: a,b  2: 1,2  3: (empty)  4: "   "  5: 3,4 ended by a lone CR  6: 5,6
    const records = tokenize("a,b\r\n1,2\r\n\r\n   \r\n3,4\r5,6")
    expect(records.map((r) => [r.fields.join("|"), r.line])).toEqual([
      ["a|b", 1],
      ["1|2", 2],
      ["3|4", 5],
      ["5|6", 6],
    ])
  })

  it("keeps a line of only delimiters as a record of empty fields", () => {
    expect(tokenize(",,\n")[0]!.fields).toEqual(["", "", ""])
  })

  it("keeps a quote inside an unquoted field as text", () => {
    expect(tokenize('5" tube,x')[0]!.fields).toEqual(['5" tube', "x"])
  })

  it("marks text after a closing quote, keeping the text", () => {
    expect(tokenize('"ab"c,d')).toEqual([{ fields: ["abc", "d"], line: 1, defect: "text-after-quote" }])
  })

  it("ends an unterminated quote at the end of the file as one marked record", () => {
    // The quote opened on line 2 swallows "2,3" and the final line break.
    expect(tokenize('a,b\n"x,1\n2,3\n')).toEqual([
      { fields: ["a", "b"], line: 1, defect: undefined },
      { fields: ["x,1\n2,3\n"], line: 2, defect: "unterminated-quote" },
    ])
  })

  it("reads semicolon-delimited text with commas as ordinary characters", () => {
    expect(tokenize("a;b,c\n", [], ";")[0]!.fields).toEqual(["a", "b,c"])
  })

  it("gives the same records wherever the chunks are cut", () => {
    const text = 'h1,h2\r\n"q,\r\n""x""",plain\r\n\r\nlast,"end"'
    const whole = tokenize(text)
    for (let cut = 0; cut <= text.length; cut++) expect(tokenize(text, [cut])).toEqual(whole)
  })

  it("agrees with the reference splitter on arbitrary text cut into arbitrary chunks", () => {
    const alphabet = fc.constantFrom("a", "b", " ", ",", ";", '"', '"', "\n", "\r", "\r\n", "é", "😀")
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 80 }).map((parts) => parts.join("")),
        fc.array(fc.nat(), { maxLength: 6 }),
        (text, rawCuts) => {
          const cuts = rawCuts.map((c) => c % (text.length + 1))
          const expected = referenceRecords(text).map((r) => ({
            fields: [...r.fields],
            line: r.line,
            defect: r.defect,
          }))
          expect(tokenize(text, cuts)).toEqual(expected)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
