import type { LocalResolution, TimeZone } from "../time/zone.js"

/** Wall-clock quarter hours: the zone resolves (and caches) offsets per quarter hour too. */
const SLOT_MS = 15 * 60_000
const CACHE_SIZE = 4096

/**
 * A small direct-mapped cache in front of `TimeZone.resolveLocal` for wall
 * times with exactly one instant, which is almost all of them. It saves
 * seven result objects per mission row; the rare ambiguous and gap slots go
 * to the zone every time.
 */
export class LocalOffsets {
  private readonly slots = new Float64Array(CACHE_SIZE).fill(Number.NaN)
  private readonly offsets = new Float64Array(CACHE_SIZE)

  constructor(private readonly zone: TimeZone) {}

  /** The instant of a wall time with one instant, or NaN when the caller must ask `resolve`. */
  unique(wallMs: number): number {
    const slot = Math.floor(wallMs / SLOT_MS)
    const at = slot & (CACHE_SIZE - 1)
    if (this.slots[at] === slot) return wallMs - this.offsets[at]!

    const resolution = this.zone.resolveLocal(wallMs)
    if (resolution.kind !== "ok") return Number.NaN
    this.slots[at] = slot
    this.offsets[at] = wallMs - resolution.instant
    return resolution.instant
  }

  resolve(wallMs: number): LocalResolution {
    return this.zone.resolveLocal(wallMs)
  }
}
