import { Buffer } from "node:buffer"
import { Growable } from "./growable.js"

const LATIN1_MAX = 0xff

/** Strings per block: a look-up decodes at most this many entries from the block's start. */
const BLOCK = 16
const BLOCK_SHIFT = 4

/** The longest shared prefix an entry records (one byte). */
const MAX_SHARED = 0xff

/**
 * An append-only column of short strings (ids), stored as Latin-1 bytes in
 * one buffer instead of millions of string objects, which the garbage
 * collector would copy and mark again and again. Each string is written as
 * the length of the prefix it shares with the one before and the rest
 * (front coding), so sorted ids such as `U00000001`, `U00000002` take three
 * or four bytes each. Every `BLOCK`th string starts afresh, so one is found
 * by decoding at most a block. A string with a character beyond Latin-1 is
 * kept as it is, on the side.
 */
export class PackedStrings {
  private bytes = new Uint8Array(1 << 16)
  private used = 0
  private count = 0
  private readonly blockStarts = new Growable(Int32Array)
  private readonly wide = new Map<number, string>()

  // The last string pushed, for the shared prefix of the next.
  private previous = new Uint8Array(64)
  private previousLength = 0

  // Where `decode` leaves a string's bytes.
  private scratch = new Uint8Array(64)

  get length(): number {
    return this.count
  }

  /** Makes room for `count` strings in all (their bytes still grow as needed). */
  reserve(count: number): void {
    this.blockStarts.reserve((count >>> BLOCK_SHIFT) + 1)
  }

  push(text: string): void {
    const n = text.length
    if ((this.count & (BLOCK - 1)) === 0) {
      this.blockStarts.push(this.used)
      this.previousLength = 0
    }
    if (this.used + n + 6 > this.bytes.length) this.bytes = grown(this.bytes, this.used + n + 6)
    if (n > this.previous.length) this.previous = grown(this.previous, n)

    const previous = this.previous
    const limit = Math.min(n, this.previousLength, MAX_SHARED)
    let shared = 0
    while (shared < limit && text.charCodeAt(shared) === previous[shared]) shared++

    const bytes = this.bytes
    const entry = this.used
    bytes[entry] = shared
    let at = writeLength(bytes, entry + 1, n - shared)
    for (let k = shared; k < n; k++) {
      const code = text.charCodeAt(k)
      if (code > LATIN1_MAX) {
        this.pushWide(text, entry)
        return
      }
      bytes[at++] = code
      previous[k] = code
    }
    this.used = at
    this.previousLength = n
    this.count++
  }

  get(index: number): string {
    const wide = this.wide.size === 0 ? undefined : this.wide.get(index)
    if (wide !== undefined) return wide
    const length = this.decode(index)
    return Buffer.from(this.scratch.buffer, this.scratch.byteOffset, length).toString("latin1")
  }

  /** Like `text < get(index)` gives -1, equal 0, greater 1: the order of JavaScript's string comparison. */
  compare(text: string, index: number): number {
    if (this.wide.size > 0) {
      const wide = this.wide.get(index)
      if (wide !== undefined) return text < wide ? -1 : text === wide ? 0 : 1
    }
    const length = this.decode(index)
    const bytes = this.scratch
    const shorter = Math.min(text.length, length)
    for (let k = 0; k < shorter; k++) {
      const difference = text.charCodeAt(k) - bytes[k]!
      if (difference !== 0) return difference < 0 ? -1 : 1
    }
    return text.length === length ? 0 : text.length < length ? -1 : 1
  }

  /** `get(a) < get(b)`. */
  less(a: number, b: number): boolean {
    return this.compare(this.get(a), b) < 0
  }

  /** Every string, in order. */
  toArray(): string[] {
    const all = new Array<string>(this.count)
    for (let i = 0; i < this.count; i++) all[i] = this.get(i)
    return all
  }

  /** A string beyond Latin-1: an empty entry in the bytes, the text on the side. */
  private pushWide(text: string, entry: number): void {
    this.bytes[entry] = 0
    this.bytes[entry + 1] = 0
    this.used = entry + 2
    this.wide.set(this.count, text)
    this.previousLength = 0
    this.count++
  }

  /** Decodes the string at `index` into `scratch`; returns its length. */
  private decode(index: number): number {
    const bytes = this.bytes
    let at = this.blockStarts.at(index >>> BLOCK_SHIFT)
    let length = 0
    for (let i = index & ~(BLOCK - 1); i <= index; i++) {
      const shared = bytes[at]!
      let rest = 0
      let shift = 0
      let byte = 0
      at++
      do {
        byte = bytes[at++]!
        rest |= (byte & 0x7f) << shift
        shift += 7
      } while (byte >= 0x80)
      length = shared + rest
      if (length > this.scratch.length) this.scratch = grown(this.scratch, length)
      const scratch = this.scratch
      for (let k = 0; k < rest; k++) scratch[shared + k] = bytes[at + k]!
      at += rest
    }
    return length
  }
}

/** Writes a length as 7-bit groups, low first; returns the index after it. */
const writeLength = (bytes: Uint8Array, at: number, value: number): number => {
  let rest = value
  let k = at
  while (rest >= 0x80) {
    bytes[k++] = (rest & 0x7f) | 0x80
    rest >>>= 7
  }
  bytes[k++] = rest
  return k
}

const grown = (bytes: Uint8Array<ArrayBuffer>, atLeast: number): Uint8Array<ArrayBuffer> => {
  const bigger = new Uint8Array(Math.max(bytes.length * 2, atLeast))
  bigger.set(bytes)
  return bigger
}
