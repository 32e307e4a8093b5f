import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { NotUtf8, Utf8Text } from "./utf8-text.js"

/** Decodes the bytes cut at the given positions; the thrown NotUtf8 when they are not UTF-8. */
const decodeInPieces = (bytes: Uint8Array, cuts: ReadonlyArray<number>): string | NotUtf8 => {
  const text = new Utf8Text()
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  let out = ""
  let from = 0
  try {
    for (const at of [...points, bytes.length]) {
      out += text.decode(bytes.subarray(from, at))
      from = at
    }
    return out + text.end()
  } catch (error) {
    if (error instanceof NotUtf8) return error
    throw error
  }
}

/** What the WHATWG decoder in fatal mode says: the text, or that the bytes are not UTF-8. */
const reference = (bytes: Uint8Array): string | "not utf-8" => {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    return "not utf-8"
  }
}

const outcome = (result: string | NotUtf8): string => (result instanceof NotUtf8 ? "not utf-8" : result)

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

describe("Utf8Text", () => {
  it("decodes Swedish, euro and emoji text cut at every byte, dropping a leading byte-order mark", () => {
    // "ö" is 2 bytes, "€" 3, "🚑" 4, the BOM 3: every cut lands inside one of them somewhere.
    const text = "Malmö;€;🚑\nEslöv"
    const bytes = encode(`\uFEFF${text}`)
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect({ cut, text: decodeInPieces(bytes, [cut]) }).toEqual({ cut, text })
    }
    expect(
      decodeInPieces(
        bytes,
        Array.from({ length: bytes.length }, (_, i) => i),
      ),
    ).toBe(text)
  })

  it("keeps a byte-order mark that is not at the start", () => {
    expect(decodeInPieces(encode("a\uFEFFb"), [1, 2])).toBe("a\uFEFFb")
  })

  it("refuses a Windows-1252 ö and names the text around it", () => {
    // "Esl", 0xF6, "v": 0xF6 starts a 4-byte sequence that "v" cannot continue.
    const result = decodeInPieces(new Uint8Array([0x45, 0x73, 0x6c, 0xf6, 0x76]), [])
    expect(result).toBeInstanceOf(NotUtf8)
    expect((result as NotUtf8).near).toBe("Esl\uFFFDv")
  })

  it("refuses a file that ends inside a character, or inside a byte-order mark", () => {
    expect(decodeInPieces(new Uint8Array([0x61, 0xc3]), [1])).toBeInstanceOf(NotUtf8)
    expect(decodeInPieces(new Uint8Array([0xef, 0xbb]), [1])).toBeInstanceOf(NotUtf8)
    expect(decodeInPieces(new Uint8Array([0xef, 0xbb, 0xbf]), [1])).toBe("")
  })

  it("agrees with TextDecoder in fatal mode on any text, cut anywhere", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.string({ unit: "binary" }), fc.array(fc.nat()), (bom, text, cuts) => {
        const bytes = encode(bom ? `\uFEFF${text}` : text)
        expect(outcome(decodeInPieces(bytes, cuts))).toBe(reference(bytes))
      }),
      { seed: 11, numRuns: 500 },
    )
  })

  it("agrees with TextDecoder in fatal mode on any bytes, cut anywhere", () => {
    // Bytes drawn mostly from the ranges that matter: ASCII, continuation bytes, lead bytes.
    const byte = fc.oneof(fc.integer({ min: 0x20, max: 0x7f }), fc.integer({ min: 0x80, max: 0xff }))
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 24 }),
        fc.array(byte, { maxLength: 24 }),
        fc.array(fc.nat()),
        (a, b, cuts) => {
          const bytes = new Uint8Array([...a, ...b])
          expect(outcome(decodeInPieces(bytes, cuts))).toBe(reference(bytes))
        },
      ),
      { seed: 12, numRuns: 2000 },
    )
  })
})
