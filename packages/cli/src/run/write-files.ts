import { mkdir, writeFile } from "node:fs/promises"
import { dirname, join, relative, resolve } from "node:path"
import type { OutputFile } from "@ambu/core"
import { Data, Effect } from "effect"

/** An output could not be written: the message names the path and the system's reason. */
export class OutputError extends Data.TaggedError("OutputError")<{ readonly message: string }> {}

/**
 * Writes renderer output below `outDir` and returns the written paths,
 * relative to the working directory. A path that would leave `outDir` (a
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
        written.push(relative(process.cwd(), target) || target)
      }
      return written
    },
    catch: (cause) =>
      new OutputError({
        message: `cannot write the output to "${outDir}": ${cause instanceof Error ? cause.message : String(cause)}`,
      }),
  })
