import { existsSync, readFileSync, realpathSync, statSync } from "node:fs"
import { dirname, join, resolve } from "node:path"

/**
 * Where a package name leads, resolved from a folder as Node's `import`
 * does: ambu imports a plugin, so a package whose `exports` has only an
 * `"import"` entry must resolve too (`require.resolve` would refuse it).
 * Node 20 offers no resolver with a parent folder outside a flag, hence
 * this one, which follows the parts of Node's algorithm a plugin package
 * uses: `exports` (a string, a list, conditions, subpaths, `*` patterns),
 * else `main`, else `index.js`.
 */
export type Resolution =
  | { readonly found: true; readonly path: string }
  | { readonly found: false; readonly problem: string }

/** The conditions Node's ESM loader matches, in the order `exports` lists them. */
const CONDITIONS: ReadonlySet<string> = new Set(["node", "import", "default"])

const splitSpecifier = (specifier: string): { name: string; subpath: string } | undefined => {
  const parts = specifier.split("/")
  const nameLength = specifier.startsWith("@") ? 2 : 1
  if (parts.length < nameLength || parts.slice(0, nameLength).some((p) => p === "")) return undefined
  const name = parts.slice(0, nameLength).join("/")
  const rest = parts.slice(nameLength).join("/")
  return { name, subpath: rest === "" ? "." : `./${rest}` }
}

/** The folder of an installed package: `node_modules/<name>` in `from` or the nearest folder above it that has one. */
const packageFolder = (name: string, from: string): string | undefined => {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name)
    if (existsSync(join(candidate, "package.json"))) return candidate
    if (dirname(dir) === dir) return undefined
  }
}

type Target = string | null | ReadonlyArray<Target> | { readonly [condition: string]: Target }

/** A target of `exports` under the conditions, `*` replaced; undefined when nothing matches. */
const resolveTarget = (target: Target, star: string | undefined): string | undefined => {
  if (target === null) return undefined
  if (typeof target === "string") {
    if (!target.startsWith("./")) return undefined
    return star === undefined ? target : target.replaceAll("*", star)
  }
  if (Array.isArray(target)) {
    for (const option of target as ReadonlyArray<Target>) {
      const found = resolveTarget(option, star)
      if (found !== undefined) return found
    }
    return undefined
  }
  for (const [condition, value] of Object.entries(target as { readonly [c: string]: Target })) {
    if (CONDITIONS.has(condition)) {
      const found = resolveTarget(value, star)
      if (found !== undefined) return found
    }
  }
  return undefined
}

/** The entry of `exports` for a subpath: exact, else the longest matching `*` pattern. */
const exportFor = (exports: Target, subpath: string): string | undefined => {
  const isSubpathMap =
    typeof exports === "object" &&
    exports !== null &&
    !Array.isArray(exports) &&
    Object.keys(exports).some((k) => k.startsWith("."))
  if (!isSubpathMap) return subpath === "." ? resolveTarget(exports, undefined) : undefined

  const map = exports as { readonly [subpath: string]: Target }
  if (subpath in map) return resolveTarget(map[subpath]!, undefined)
  let best: { key: string; star: string } | undefined
  for (const key of Object.keys(map)) {
    const star = key.indexOf("*")
    if (star < 0) continue
    const prefix = key.slice(0, star)
    const suffix = key.slice(star + 1)
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      if (best === undefined || prefix.length > best.key.indexOf("*")) {
        best = { key, star: subpath.slice(prefix.length, subpath.length - suffix.length) }
      }
    }
  }
  return best === undefined ? undefined : resolveTarget(map[best.key]!, best.star)
}

const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile()

/** Resolves `specifier` (a package name, maybe with a subpath) from the folder `from`. */
export const resolvePackage = (specifier: string, from: string): Resolution => {
  const parsed = splitSpecifier(specifier)
  if (parsed === undefined) return { found: false, problem: `"${specifier}" is not a package name` }
  const folder = packageFolder(parsed.name, from)
  if (folder === undefined) {
    return {
      found: false,
      problem: `no package "${parsed.name}" is installed in ${resolve(from)} or a folder above it (there is no node_modules/${parsed.name})`,
    }
  }

  let manifest: { exports?: Target; main?: unknown }
  try {
    manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as typeof manifest
  } catch (cause) {
    return {
      found: false,
      problem: `${join(folder, "package.json")} cannot be read as JSON: ${cause instanceof Error ? cause.message : String(cause)}`,
    }
  }

  let relative: string | undefined
  if (manifest.exports !== undefined) {
    relative = exportFor(manifest.exports, parsed.subpath)
    if (relative === undefined) {
      return {
        found: false,
        problem: `the package is installed at ${folder}, but its package.json "exports" has no entry for "${parsed.subpath}" under the conditions "import", "node" or "default"`,
      }
    }
  } else if (parsed.subpath !== ".") {
    relative = parsed.subpath
  } else {
    relative = typeof manifest.main === "string" ? manifest.main : "index.js"
  }

  const path = resolve(folder, relative)
  const file = isFile(path) ? path : [`${path}.js`, join(path, "index.js")].find(isFile)
  if (file === undefined) {
    return {
      found: false,
      problem: `the package is installed at ${folder}, but the file it names (${relative}) does not exist; is it built?`,
    }
  }
  // Node imports a module by its real path, so one plugin reached through two links is one module.
  return { found: true, path: realpathSync(file) }
}
