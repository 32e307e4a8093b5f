import { describe, expect, it } from "vitest"
import { pdfDate, stablePdf } from "./stable-pdf.js"

const GENERATED_AT = new Date("2026-01-15T09:00:00Z")
const STAMP = "D:20260115090000+00'00'"

/** A one-page PDF as Chromium lays it out: the information dictionary first, a classic xref table, a trailer. */
const buildPdf = (
  info: string,
  { trailerExtra = "", mediaBox = "960 540", catalogExtra = "" } = {},
): string => {
  const objects = [
    info,
    `<</Type /Catalog /Pages 3 0 R${catalogExtra}>>`,
    "<</Type /Pages /Kids [4 0 R] /Count 1>>",
    `<</Type /Page /Parent 3 0 R /MediaBox [0 0 ${mediaBox}]>>`,
  ]
  let text = "%PDF-1.4\n"
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(text.length)
    text += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = text.length
  const entries = offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`
  text += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R${trailerExtra}>>\nstartxref\n${xref}\n%%EOF`
  return text
}

const chromiumInfo = (date: string) =>
  `<</Title (Ambulansuppf\\366ljning)\n/Producer (Skia/PDF m156)\n/CreationDate (${date})\n/ModDate (${date})>>`

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, "latin1"))
const textOf = (pdf: Uint8Array): string => Buffer.from(pdf).toString("latin1")

/** Every in-use xref entry points at the start of its object, and startxref at the table. */
const xrefProblems = (text: string): string[] => {
  const start = Number(/startxref\n(\d+)/.exec(text)![1])
  if (!text.startsWith("xref", start)) return [`startxref ${start} does not point at the xref table`]
  const entries = [...text.slice(start).matchAll(/^(\d{10}) (\d{5}) n $/gm)]
  return entries.flatMap((entry, index) =>
    text.startsWith(`${index + 1} 0 obj`, Number(entry[1]))
      ? []
      : [`object ${index + 1} is not at ${entry[1]}`],
  )
}

describe("pdfDate", () => {
  it("writes the time in UTC with a zero offset", () => {
    expect(pdfDate(GENERATED_AT)).toBe(STAMP)
    // 23:59:59 in Stockholm on New Year's Eve (UTC+1) is 22:59:59 UTC.
    expect(pdfDate(new Date("2025-12-31T23:59:59+01:00"))).toBe("D:20251231225959+00'00'")
  })
})

describe("stablePdf", () => {
  it("sets both dates from generatedAt in place, keeping the length and every xref offset", () => {
    const printed = buildPdf(chromiumInfo("D:20261203192419+01'00'"))
    const stamped = textOf(stablePdf(bytes(printed), GENERATED_AT))

    expect(stamped).toContain(`/CreationDate (${STAMP})\n/ModDate (${STAMP})>>`)
    expect(stamped).not.toContain("20261203")
    expect(stamped.length).toBe(printed.length)
    expect(xrefProblems(printed)).toEqual([])
    expect(xrefProblems(stamped)).toEqual([])
  })

  it("gives the same bytes for files printed at different times", () => {
    const morning = stablePdf(bytes(buildPdf(chromiumInfo("D:20261203080000+00'00'"))), GENERATED_AT)
    const evening = stablePdf(bytes(buildPdf(chromiumInfo("D:20261203235959+00'00'"))), GENERATED_AT)
    expect(Buffer.from(evening).equals(Buffer.from(morning))).toBe(true)
  })

  it("pads a longer date with spaces, which a dictionary allows", () => {
    const printed = buildPdf(chromiumInfo("D:20261203192419+01'00'00"))
    const stamped = textOf(stablePdf(bytes(printed), GENERATED_AT))
    // The written string is 25 characters, the stamp 23: two spaces follow the closing parenthesis.
    expect(stamped).toContain(`/CreationDate (${STAMP})  \n/ModDate (${STAMP})  >>`)
    expect(stamped.length).toBe(printed.length)
    expect(xrefProblems(stamped)).toEqual([])
  })

  it("refuses a date too short to hold the stamp instead of moving the objects", () => {
    // "D:20261203192419Z" is 17 characters, the stamp 23.
    const printed = buildPdf(chromiumInfo("D:20261203192419Z"))
    expect(() => stablePdf(bytes(printed), GENERATED_AT)).toThrow(/CreationDate .* is shorter than/)
  })

  it("sets a trailer /ID from the content: equal for equal content, different otherwise", () => {
    const ID = "\n/ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]"
    const first = buildPdf(chromiumInfo("D:20261203080000+00'00'"), { trailerExtra: ID })
    const second = buildPdf(chromiumInfo("D:20261203090000+00'00'"), {
      trailerExtra: "\n/ID [<FEDCBA9876543210FEDCBA9876543210> <00000000000000000000000000000001>]",
    })
    const other = buildPdf(chromiumInfo("D:20261203080000+00'00'"), { trailerExtra: ID, mediaBox: "540 960" })

    const idOf = (pdf: Uint8Array) => /\/ID \[<([0-9A-F]+)> <([0-9A-F]+)>\]/.exec(textOf(pdf))!.slice(1)
    const [a, b] = [stablePdf(bytes(first), GENERATED_AT), stablePdf(bytes(second), GENERATED_AT)]

    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true)
    const [permanent, changing] = idOf(a)
    expect(permanent).toMatch(/^[0-9A-F]{32}$/)
    expect(changing).toBe(permanent)
    expect(permanent).not.toBe("0123456789ABCDEF0123456789ABCDEF")
    expect(idOf(stablePdf(bytes(other), GENERATED_AT))[0]).not.toBe(permanent)
    expect(xrefProblems(textOf(a))).toEqual([])
  })

  it("is idempotent: stamping twice changes nothing more", () => {
    const printed = buildPdf(chromiumInfo("D:20261203192419+00'00'"), { trailerExtra: "\n/ID [<AB> <CD>]" })
    const once = stablePdf(bytes(printed), GENERATED_AT)
    expect(Buffer.from(stablePdf(once, GENERATED_AT)).equals(Buffer.from(once))).toBe(true)
  })

  it("leaves a file without an information dictionary or dates as it is", () => {
    const withoutInfo = buildPdf("<<>>").replace("\n/Info 1 0 R", "")
    expect(textOf(stablePdf(bytes(withoutInfo), GENERATED_AT))).toBe(withoutInfo)
    const withoutDates = buildPdf("<</Producer (Skia/PDF m156)>>")
    expect(textOf(stablePdf(bytes(withoutDates), GENERATED_AT))).toBe(withoutDates)
  })

  it("changes only the information dictionary's dates, not the same words elsewhere", () => {
    const printed = buildPdf(chromiumInfo("D:20261203192419+00'00'"), {
      catalogExtra: " /Note (/CreationDate \\(D:19990101000000+00'00'\\))",
    })
    const stamped = textOf(stablePdf(bytes(printed), GENERATED_AT))
    expect(stamped).toContain("D:19990101000000+00'00'")
    expect(stamped).toContain(`/CreationDate (${STAMP})`)
    expect(xrefProblems(stamped)).toEqual([])
  })
})
