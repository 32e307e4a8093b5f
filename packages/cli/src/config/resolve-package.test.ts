import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { folderWith } from "../test-support/temp-folder.js"
import { resolvePackage } from "./resolve-package.js"

/** A project folder with one installed package of the given package.json and files. */
const installed = (name: string, manifest: object, files: Readonly<Record<string, string>>) => {
  const prefix = `node_modules/${name}/`
  const dir = folderWith({
    [`${prefix}package.json`]: JSON.stringify({ name, ...manifest }),
    ...Object.fromEntries(Object.entries(files).map(([path, content]) => [prefix + path, content])),
  })
  return { dir, pkg: join(dir, prefix) }
}

const found = (specifier: string, from: string) => {
  const resolution = resolvePackage(specifier, from)
  if (!resolution.found) throw new Error(resolution.problem)
  return resolution.path
}

const problem = (specifier: string, from: string) => {
  const resolution = resolvePackage(specifier, from)
  if (resolution.found) throw new Error(`expected no resolution, got ${resolution.path}`)
  return resolution.problem
}

describe("resolvePackage", () => {
  it("follows an import-only exports entry, which require.resolve refuses", () => {
    const { dir, pkg } = installed(
      "esm-only",
      { exports: { ".": { import: "./index.mjs" } } },
      { "index.mjs": "" },
    )
    expect(found("esm-only", dir)).toBe(join(pkg, "index.mjs"))
  })

  it("takes the first matching condition in the order the package lists them", () => {
    const { dir, pkg } = installed(
      "conditions",
      { exports: { types: "./x.d.ts", require: "./x.cjs", node: "./node.mjs", default: "./x.mjs" } },
      { "node.mjs": "", "x.mjs": "", "x.cjs": "" },
    )
    expect(found("conditions", dir)).toBe(join(pkg, "node.mjs"))
  })

  it("reads exports written as a string, a list, or nested conditions", () => {
    const a = installed("a", { exports: "./a.js" }, { "a.js": "" })
    expect(found("a", a.dir)).toBe(join(a.pkg, "a.js"))
    const b = installed("b", { exports: [{ worker: "./w.js" }, "./b.js"] }, { "b.js": "" })
    expect(found("b", b.dir)).toBe(join(b.pkg, "b.js"))
    const c = installed("c", { exports: { ".": { node: { import: "./c.mjs" } } } }, { "c.mjs": "" })
    expect(found("c", c.dir)).toBe(join(c.pkg, "c.mjs"))
  })

  it("resolves a scoped name and a subpath, exact or through a * pattern", () => {
    const { dir, pkg } = installed(
      "@region/plugins",
      { exports: { ".": "./index.js", "./p90": "./dist/p90.js", "./extra/*": "./dist/extra/*.js" } },
      { "index.js": "", "dist/p90.js": "", "dist/extra/map.js": "" },
    )
    expect(found("@region/plugins", dir)).toBe(join(pkg, "index.js"))
    expect(found("@region/plugins/p90", dir)).toBe(join(pkg, "dist/p90.js"))
    expect(found("@region/plugins/extra/map", dir)).toBe(join(pkg, "dist/extra/map.js"))
  })

  it("uses main, else index.js, for a package without exports", () => {
    const main = installed("with-main", { main: "lib/entry.js" }, { "lib/entry.js": "" })
    expect(found("with-main", main.dir)).toBe(join(main.pkg, "lib/entry.js"))
    const bare = installed("bare", {}, { "index.js": "" })
    expect(found("bare", bare.dir)).toBe(join(bare.pkg, "index.js"))
  })

  it("looks in the folders above, as Node does", () => {
    const { dir, pkg } = installed("up", { exports: "./up.js" }, { "up.js": "" })
    expect(found("up", join(dir, "deep/er"))).toBe(join(pkg, "up.js"))
  })

  it("says a package is not installed, where it looked", () => {
    const dir = folderWith({})
    expect(problem("@region/nothing", dir)).toBe(
      `no package "@region/nothing" is installed in ${dir} or a folder above it (there is no node_modules/@region/nothing)`,
    )
  })

  it("says an installed package exports nothing ambu can import, rather than that it is missing", () => {
    const { dir, pkg } = installed("cjs-only", { exports: { require: "./x.cjs" } }, { "x.cjs": "" })
    expect(problem("cjs-only", dir)).toBe(
      `the package is installed at ${pkg.slice(0, -1)}, but its package.json "exports" has no entry for "." under the conditions "import", "node" or "default"`,
    )
  })

  it("says when the file a package names is not there, as before a build", () => {
    const { dir } = installed("unbuilt", { exports: { ".": { default: "./dist/index.js" } } }, {})
    expect(problem("unbuilt", dir)).toContain(
      "the file it names (./dist/index.js) does not exist; is it built?",
    )
  })
})
