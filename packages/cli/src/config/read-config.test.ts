import { join } from "node:path"
import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import { folderWith } from "../test-support/temp-folder.js"
import { findConfigFile, readConfigFile } from "./read-config.js"

const find = (explicit: string | undefined, cwd: string) =>
  Effect.runPromise(Effect.result(findConfigFile(explicit, cwd)))

const read = (path: string) => Effect.runPromise(Effect.result(readConfigFile(path)))

const refusal = <A>(outcome: Result.Result<A, { message: string }>): string => {
  if (Result.isSuccess(outcome)) throw new Error("expected a refusal")
  return outcome.failure.message
}

describe("findConfigFile", () => {
  it("finds none in a folder without one", async () => {
    expect(await find(undefined, folderWith({ "README.md": "" }))).toEqual(Result.succeed(undefined))
  })

  it("finds the one ambu.config.* of the working directory, of any of the three kinds", async () => {
    for (const name of ["ambu.config.json", "ambu.config.mjs", "ambu.config.ts"]) {
      const dir = folderWith({ [name]: "" })
      expect(await find(undefined, dir)).toEqual(Result.succeed(join(dir, name)))
    }
  })

  it("does not look in the folders above", async () => {
    const dir = folderWith({ "ambu.config.json": "{}", "sub/x.txt": "" })
    expect(await find(undefined, join(dir, "sub"))).toEqual(Result.succeed(undefined))
  })

  it("refuses two side by side, naming both and the way out", async () => {
    const dir = folderWith({ "ambu.config.json": "{}", "ambu.config.ts": "" })
    expect(refusal(await find(undefined, dir))).toBe(
      `${dir} holds 2 configuration files (ambu.config.json, ambu.config.ts); keep one, or name it with --config`,
    )
  })

  it("takes --config relative to the working directory, over the one found there", async () => {
    const dir = folderWith({ "ambu.config.json": "{}", "decks/annual.json": "{}" })
    expect(await find("decks/annual.json", dir)).toEqual(Result.succeed(join(dir, "decks/annual.json")))
  })

  it("refuses a --config that does not exist, as the user wrote it", async () => {
    expect(refusal(await find("nope.json", folderWith({})))).toBe("--config nope.json: there is no such file")
  })
})

describe("readConfigFile", () => {
  it("reads JSON with a byte-order mark", async () => {
    const dir = folderWith({ "a.json": '\uFEFF{ "language": "en" }' })
    expect(await read(join(dir, "a.json"))).toEqual(Result.succeed({ language: "en" }))
  })

  it("names the line and column of a JSON syntax error", async () => {
    const dir = folderWith({ "a.json": '{\n  "language": "en",\n}\n' })
    // The stray comma ends line 2; JSON.parse stops at the "}" on line 3, column 1.
    expect(refusal(await read(join(dir, "a.json")))).toMatch(/is not valid JSON at line 3, column 1: /)
  })

  it("takes a module's default export, else its export named config", async () => {
    const dir = folderWith({
      "a.mjs": 'export default { language: "en" }\n',
      "b.mjs": 'export const config = { language: "sv" }\n',
      "c.mjs": "export const other = 1\n",
    })
    expect(await read(join(dir, "a.mjs"))).toEqual(Result.succeed({ language: "en" }))
    expect(await read(join(dir, "b.mjs"))).toEqual(Result.succeed({ language: "sv" }))
    expect(refusal(await read(join(dir, "c.mjs")))).toContain("exports no configuration")
  })

  it("transpiles a TypeScript configuration, types and all", async () => {
    const dir = folderWith({
      "ambu.config.ts": 'type L = "sv" | "en"\nconst language: L = "en"\nexport default { language }\n',
    })
    expect(await read(join(dir, "ambu.config.ts"))).toEqual(Result.succeed({ language: "en" }))
  })

  it("checks the shape, naming the file and the key", async () => {
    const dir = folderWith({ "a.json": '{ "langauge": "en" }' })
    const message = refusal(await read(join(dir, "a.json")))
    expect(message).toContain(join(dir, "a.json"))
    expect(message).toContain('unknown key "langauge"')
  })
})
