import { mkdir, writeFile } from "node:fs/promises"
import { dirname, join, resolve } from "node:path"
import type { OutputFile } from "@ambu/core"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"

/** An output could not be written: the message names the path and the system's reason. */
export class OutputError extends Data.TaggedError("OutputError")<{ readonly message: string }> {}

/**
 * Writes renderer output below `outDir` and returns the written paths. A path that would leave `outDir` (a
 * plugin writing `../x`) is refused.
 */
export const writeOutputFiles = (
  outDir: string,
  files: ReadonlyArray<OutputFile>,
): Effect.Effect<string[], OutputError> =>
  Effect.tryPromise({
    try: async () => {
      const root = resolve(outDir)
      const written: string[] = []
      for (const file of files) {
        const target = resolve(join(root, file.path))
        if (!target.startsWith(`${root}/`))
          throw new Error(`refusing to write "${file.path}" outside ${root}`)
        await mkdir(dirname(target), { recursive: true })
        await writeFile(target, file.content)
        // Named as the user named the folder, so the list reads like their command line.
        written.push(join(outDir, file.path))
      }
      return written
    },
    catch: (cause) =>
      new OutputError({
        message: `cannot write the output to "${outDir}": ${cause instanceof Error ? cause.message : String(cause)}`,
      }),
  })
