import { randomBytes } from "node:crypto"
import { readFile, rm, writeFile } from "node:fs/promises"
import { basename, dirname, extname, join } from "node:path"
import { pathToFileURL } from "node:url"

const TYPESCRIPT = new Set([".ts", ".mts", ".cts"])

/**
 * Node 20 cannot import TypeScript, so a `.ts` module is transpiled (types
 * dropped, nothing checked) into a hidden `.mjs` beside it: there its
 * relative imports and package names resolve as they would for the source.
 * The file is removed again at once.
 */
const importTypeScript = async (path: string): Promise<Record<string, unknown>> => {
  const { default: ts } = await import("typescript")
  const source = await readFile(path, "utf8")
  const output = ts.transpileModule(source, {
    fileName: basename(path),
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: false,
      sourceMap: false,
    },
  })

  const temporary = join(
    dirname(path),
    `.${basename(path, extname(path))}.${randomBytes(4).toString("hex")}.mjs`,
  )
  await writeFile(temporary, output.outputText)
  try {
    return (await import(pathToFileURL(temporary).href)) as Record<string, unknown>
  } finally {
    await rm(temporary, { force: true })
  }
}

/** Imports a JavaScript or TypeScript module by absolute path; its exports by name. */
export const importModule = (path: string): Promise<Record<string, unknown>> =>
  TYPESCRIPT.has(extname(path).toLowerCase())
    ? importTypeScript(path)
    : (import(pathToFileURL(path).href) as Promise<Record<string, unknown>>)

/** The message of whatever a failed import threw, without a stack. */
export const causeText = (cause: unknown): string =>
  cause instanceof Error ? cause.message.split("\n")[0]! : String(cause)
