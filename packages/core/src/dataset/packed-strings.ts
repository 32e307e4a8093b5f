import { Buffer } from "node:buffer"
import { Growable } from "./growable.js"

const LATIN1_MAX = 0xff

/**
 * An append-only column of short strings (ids), stored as Latin-1 bytes in
 * one buffer instead of a million string objects, which the garbage
 * collector would copy and mark again and again. A string with a character
 * beyond Latin-1 is kept as it is, on the side.
 */
export class PackedStrings {
  private bytes = new Uint8Array(1 << 16)
  private used = 0
  private readonly ends = new Growable(Int32Array)
  private readonly wide = new Map<number, string>()

  get length(): number {
    return this.ends.length
  }

  /** Makes room for `count` strings in all (their bytes still grow as needed). */
  reserve(count: number): void {
    this.ends.reserve(count)
  }

  push(text: string): void {
    const n = text.length
    if (this.used + n > this.bytes.length) this.grow(n)

    const bytes = this.bytes
    const start = this.used
    for (let k = 0; k < n; k++) {
      const code = text.charCodeAt(k)
      if (code > LATIN1_MAX) {
        this.wide.set(this.ends.length, text)
        this.ends.push(start)
        return
      }
      bytes[start + k] = code
    }
    this.used = start + n
    this.ends.push(this.used)
  }

  get(index: number): string {
    const wide = this.wide.size === 0 ? undefined : this.wide.get(index)
    if (wide !== undefined) return wide
    return this.latin1(this.view(), index)
  }

  /** Like `text < get(index)` gives -1, equal 0, greater 1: the order of JavaScript's string comparison. */
  compare(text: string, index: number): number {
    if (this.wide.size > 0) {
      const wide = this.wide.get(index)
      if (wide !== undefined) return text < wide ? -1 : text === wide ? 0 : 1
    }
    const start = index === 0 ? 0 : this.ends.at(index - 1)
    const length = this.ends.at(index) - start
    const bytes = this.bytes
    const shorter = Math.min(text.length, length)
    for (let k = 0; k < shorter; k++) {
      const difference = text.charCodeAt(k) - bytes[start + k]!
      if (difference !== 0) return difference < 0 ? -1 : 1
    }
    return text.length === length ? 0 : text.length < length ? -1 : 1
  }

  /** `get(a) < get(b)` without making the strings. */
  less(a: number, b: number): boolean {
    return this.compare(this.get(a), b) < 0
  }

  /** Every string, in order. */
  toArray(): string[] {
    const view = this.view()
    const all = new Array<string>(this.length)
    for (let i = 0; i < all.length; i++) all[i] = this.wide.get(i) ?? this.latin1(view, i)
    return all
  }

  private view(): Buffer {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.used)
  }

  private latin1(view: Buffer, index: number): string {
    const start = index === 0 ? 0 : this.ends.at(index - 1)
    return view.toString("latin1", start, this.ends.at(index))
  }

  private grow(atLeast: number): void {
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.used + atLeast))
    bigger.set(this.bytes.subarray(0, this.used))
    this.bytes = bigger
  }
}
