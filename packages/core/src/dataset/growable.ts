type TypedArray = Float64Array | Int32Array | Uint8Array

interface TypedArrayConstructor<T extends TypedArray> {
  new (length: number): T
}

/** An append-only typed array that doubles its capacity as it fills. */
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
    if (this.length === this.buffer.length) {
      const bigger = new this.make(this.buffer.length * 2)
      bigger.set(this.buffer)
      this.buffer = bigger
    }
    this.buffer[this.length++] = value
  }

  /** The value at `index` (below `length`). */
  at(index: number): number {
    return this.buffer[index]!
  }

  /** The filled part, copied to an array of exactly its length. */
  toArray(): T {
    return this.buffer.slice(0, this.length) as T
  }
}
