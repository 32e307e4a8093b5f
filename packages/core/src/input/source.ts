import { createReadStream, statSync } from "node:fs"
import { createGunzip } from "node:zlib"

/**
 * Bytes of one input file, delivered in chunks. `name` is what messages and
 * the rejects file call the file (usually the path as the user gave it).
 */
export interface Source {
  readonly name: string
  readonly chunks: AsyncIterable<Uint8Array>
  /** The number of bytes the chunks will hold, when known beforehand: the reader sizes its columns from it. */
  readonly byteLength?: number
}

// Large reads mean fewer chunk boundaries to stitch fields across.
const READ_CHUNK_BYTES = 1 << 20

/**
 * A file on disk. A path ending in `.gz` is decompressed while it is read.
 * A missing file fails only when the chunks are first read, which is where
 * `readInput` turns it into an `InputError`.
 *
 * @example
 * const missions = fileSource("data/missions.csv.gz")
 */
export const fileSource = (path: string, name: string = path): Source => ({
  name,
  ...plainFileSize(path),
  chunks: {
    [Symbol.asyncIterator]: () => {
      const raw = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })
      const stream = path.toLowerCase().endsWith(".gz") ? raw.pipe(createGunzip()) : raw
      // A pipe does not pass on the read stream's errors (a missing file), so forward them.
      if (stream !== raw) raw.on("error", (error) => stream.destroy(error))
      return stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>
    },
  },
})

/** The size of an uncompressed file; nothing when it is compressed or cannot be read (reading will say why). */
const plainFileSize = (path: string): { byteLength?: number } => {
  if (path.toLowerCase().endsWith(".gz")) return {}
  try {
    return { byteLength: statSync(path).size }
  } catch {
    return {}
  }
}

/**
 * Text held in memory, for tests and for callers that already have it. It
 * is encoded as UTF-8 and handed on in chunks of `chunkSize` bytes, so tests
 * can put a chunk boundary anywhere, even inside a character.
 */
export const textSource = (name: string, text: string, chunkSize = 65_536): Source =>
  bytesSource(name, new TextEncoder().encode(text), chunkSize)

/** Raw bytes in memory, for tests of encodings and binary files. */
export const bytesSource = (name: string, bytes: Uint8Array, chunkSize = 65_536): Source => ({
  name,
  byteLength: bytes.length,
  chunks: {
    async *[Symbol.asyncIterator]() {
      for (let start = 0; start < bytes.length; start += chunkSize) {
        yield bytes.subarray(start, start + chunkSize)
      }
    },
  },
})
