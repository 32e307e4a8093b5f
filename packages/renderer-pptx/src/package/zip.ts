import JSZip from "jszip"

/** A zip's file entries (folders left out) with their bytes, by path. */
export type ZipEntries = Map<string, Uint8Array>

export const readZip = async (bytes: Uint8Array): Promise<ZipEntries> => {
  const zip = await JSZip.loadAsync(bytes)
  const entries: ZipEntries = new Map()
  const files = Object.values(zip.files).filter((file) => !file.dir)
  for (const file of files) entries.set(file.name, await file.async("uint8array"))
  return entries
}

/** Paths in a stable order: `[Content_Types].xml` first (as Office writes it), the rest sorted. */
const entryOrder = (paths: ReadonlyArray<string>): ReadonlyArray<string> => {
  const first = "[Content_Types].xml"
  const rest = paths.filter((path) => path !== first).sort()
  return paths.includes(first) ? [first, ...rest] : rest
}

/**
 * Writes entries as a zip that depends only on its input: a fixed order,
 * one fixed date on every entry, no folder entries, DEFLATE.
 */
export const writeZip = async (entries: ZipEntries, date: Date): Promise<Uint8Array> => {
  const zip = new JSZip()
  for (const path of entryOrder([...entries.keys()])) {
    zip.file(path, entries.get(path)!, { date, createFolders: false, binary: true })
  }
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "DOS",
  })
}

const decoder = new TextDecoder("utf-8", { fatal: true })
const encoder = new TextEncoder()

export const textOf = (bytes: Uint8Array): string => decoder.decode(bytes)
export const bytesOf = (text: string): Uint8Array => encoder.encode(text)
