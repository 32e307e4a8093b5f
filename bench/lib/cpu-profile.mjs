/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time per
 * function and per source file, largest first.
 */
import { readFileSync } from "node:fs"
import { relative } from "node:path"

const shortUrl = (url, root) => {
  if (url === "") return "(native)"
  const path = url.startsWith("file://") ? new URL(url).pathname : url
  return path.startsWith(root) ? relative(root, path) : path
}

/** Self milliseconds per profile node id, from the sample list and its time deltas. */
const selfTimes = (profile) => {
  const self = new Map()
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return self
}

/** The `top` functions and files by self time of the profile at `path`; paths shown relative to `root`. */
export const summariseProfile = (path, root, top = 15) => {
  const profile = JSON.parse(readFileSync(path, "utf8"))
  const self = selfTimes(profile)
  const idleIds = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id))
  const totalMs = [...self.entries()].reduce((sum, [id, ms]) => (idleIds.has(id) ? sum : sum + ms), 0)

  const byFunction = new Map()
  const byFile = new Map()
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0
    // Idle time is waiting, not work; leaving it out makes the shares shares of busy time.
    if (ms === 0 || node.callFrame.functionName === "(idle)") continue
    const { functionName, url, lineNumber } = node.callFrame
    const file = shortUrl(url, root)
    const name = functionName === "" ? "(anonymous)" : functionName
    const key = `${name}\u0000${file}:${lineNumber + 1}`
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms)
    byFile.set(file, (byFile.get(file) ?? 0) + ms)
  }

  const ranked = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
  return {
    totalMs,
    top: ranked(byFunction).map(([key, selfMs]) => {
      const [name, location] = key.split("\u0000")
      return { name, location, selfMs, share: selfMs / totalMs }
    }),
    files: ranked(byFile).map(([file, selfMs]) => ({ file, selfMs, share: selfMs / totalMs })),
  }
}
