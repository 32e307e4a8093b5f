import { join } from "node:path"
import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import { folderWith } from "../test-support/temp-folder.js"
import { loadPlugins, type PluginRequest, splitPluginFlags } from "./load-plugins.js"

/** Plugins that need no import at all: a name is a whole (if idle) plugin. */
const PLUGIN_FILES = {
  "local/first.mjs": 'export default { name: "first" }\n',
  "local/named-export.mjs": 'export const plugin = { name: "named-export" }\n',
  "local/nothing.mjs": "export const x = 1\n",
  "local/broken.mjs": 'throw new Error("no licence server")\n',
  "local/bad-shape.mjs": 'export default { name: "bad-shape", metrics: [{ id: "Bad_ID" }] }\n',
  "node_modules/@region/by-name/package.json": JSON.stringify({
    name: "@region/by-name",
    type: "module",
    exports: { ".": { import: "./index.mjs" } },
  }),
  "node_modules/@region/by-name/index.mjs": 'export default { name: "@region/by-name" }\n',
}

const load = (dir: string, ...specifiers: string[]) =>
  Effect.runPromise(
    Effect.result(
      loadPlugins(
        specifiers.map((specifier): PluginRequest => ({ specifier, baseDir: dir, origin: "from --plugin" })),
      ),
    ),
  )

const names = async (dir: string, ...specifiers: string[]) => {
  const outcome = await load(dir, ...specifiers)
  if (Result.isFailure(outcome)) throw new Error(outcome.failure.message)
  return outcome.success.map((l) => [l.plugin.name, l.source])
}

const refusal = async (dir: string, specifier: string) => {
  const outcome = await load(dir, specifier)
  if (Result.isSuccess(outcome)) throw new Error("expected a refusal")
  expect(outcome.failure._tag).toBe("PluginError")
  return outcome.failure.message
}

describe("loadPlugins", () => {
  const dir = folderWith(PLUGIN_FILES)

  it("loads by path (default export or export named plugin) and by package name, keeping the order and the source", async () => {
    expect(
      await names(dir, "./local/first.mjs", "@region/by-name", join(dir, "local/named-export.mjs")),
    ).toEqual([
      ["first", "./local/first.mjs, from --plugin"],
      ["@region/by-name", "@region/by-name, from --plugin"],
      ["named-export", `${join(dir, "local/named-export.mjs")}, from --plugin`],
    ])
  })

  it("loads one module asked for twice only once", async () => {
    expect(await names(dir, "./local/first.mjs", join(dir, "local/first.mjs"))).toEqual([
      ["first", "./local/first.mjs, from --plugin"],
    ])
  })

  it("takes a bare file name of an existing module as a path", async () => {
    expect(await names(join(dir, "local"), "first.mjs")).toEqual([["first", "first.mjs, from --plugin"]])
  })

  it("names a path that does not exist", async () => {
    expect(await refusal(dir, "./local/missing.mjs")).toBe(
      `plugin "./local/missing.mjs" (from --plugin) cannot be loaded: there is no file ${join(dir, "local/missing.mjs")}`,
    )
  })

  it("says where a package that is not installed was looked for, and how to install it", async () => {
    expect(await refusal(dir, "@region/p95")).toBe(
      `plugin "@region/p95" (from --plugin) cannot be loaded: no package "@region/p95" is installed in ${dir} or a folder above it (there is no node_modules/@region/p95); install it there (npm install @region/p95), or give a path starting with ./`,
    )
  })

  it("names a module that throws while imported, with its message and no stack", async () => {
    expect(await refusal(dir, "./local/broken.mjs")).toBe(
      'plugin "./local/broken.mjs" (from --plugin) failed to load: no licence server',
    )
  })

  it("names a module that exports no plugin and says what to export", async () => {
    expect(await refusal(dir, "./local/nothing.mjs")).toBe(
      'plugin "./local/nothing.mjs" (from --plugin) exports no plugin; write `export default definePlugin({ name, metrics, renderers, slides })`',
    )
  })

  it("names the plugin and the key of a plugin that fails the schema", async () => {
    const message = await refusal(dir, "./local/bad-shape.mjs")
    expect(message).toContain(
      'plugin "bad-shape" (./local/bad-shape.mjs, from --plugin) is not a valid ambu plugin:',
    )
    expect(message).toContain("→ at metrics[0].id")
  })
})

describe("splitPluginFlags", () => {
  it("takes repeated flags and comma-separated names as one list", () => {
    expect(splitPluginFlags(["a, b", "./c.mjs", " ,d"])).toEqual(["a", "b", "./c.mjs", "d"])
    expect(splitPluginFlags([])).toEqual([])
  })
})
