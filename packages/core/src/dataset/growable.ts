type TypedArray = Float64Array | Int32Array | Int16Array | Uint16Array | Uint8Array

interface TypedArrayConstructor<T extends TypedArray> {
  new (length: number): T
}

/** An append-only typed array that doubles its capacity as it fills (or takes a capacity up front). */
export class Growable<T extends TypedArray> {
  private buffer: T
  length = 0

  constructor(
    private readonly make: TypedArrayConstructor<T>,
    capacity = 1024,
  ) {
    this.buffer = new make(capacity)
  }

  push(value: number): void {
    if (this.length === this.buffer.length) this.resize(this.buffer.length * 2)
    this.buffer[this.length++] = value
  }

  /** Makes room for `capacity` values in all, so that filling up to it copies nothing. */
  reserve(capacity: number): void {
    if (capacity > this.buffer.length) this.resize(capacity)
  }

  /** The value at `index` (below `length`). */
  at(index: number): number {
    return this.buffer[index]!
  }

  /**
   * The filled part. A nearly full buffer is handed over as a view rather
   * than copied, since a copy of a 10-million-row column would double it
   * for a while; a buffer less than 7/8 full is copied to free the rest.
   */
  toArray(): T {
    const capacity = this.buffer.length
    if (this.length >= capacity - (capacity >>> 3)) return this.buffer.subarray(0, this.length) as T
    return this.buffer.slice(0, this.length) as T
  }

  private resize(capacity: number): void {
    const bigger = new this.make(capacity)
    bigger.set(this.buffer.subarray(0, this.length))
    this.buffer = bigger
  }
}
