import type { z } from "zod"

/**
 * A zod issue's path as one would write it in JavaScript or JSON:
 * `blocks[0].series`, `theme.accent`, `["slide id"]`. `prefix` is the key
 * the checked value sits at (`renderers.html`), so a message can name the
 * whole way to the value.
 */
export const issuePath = (path: ReadonlyArray<PropertyKey>, prefix = ""): string =>
  path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`
    const name = String(key)
    if (/^[A-Za-z_$][\w$]*$/.test(name)) return text === "" ? name : `${text}.${name}`
    return `${text}[${JSON.stringify(name)}]`
  }, prefix)

/** An issue as `path: message`, or just the message for an issue about the whole value. */
export const issueLine = (issue: z.ZodError["issues"][number], prefix = ""): string => {
  const where = issuePath(issue.path, prefix)
  return where === "" ? issue.message : `${where}: ${issue.message}`
}

/** Each issue of an error as `path: message`. */
export const issueLines = (error: z.ZodError, prefix = ""): string[] =>
  error.issues.map((issue) => issueLine(issue, prefix))
