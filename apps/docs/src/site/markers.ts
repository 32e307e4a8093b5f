/** `<!-- ambu:name -->` in a Markdown page: where the build puts a generated section. */
const MARKER = /<!--\s*ambu:([a-z0-9-]+)\s*-->/g

/**
 * Puts generated sections at their markers. A section whose page has no
 * marker for it is appended, so a hand-written page (say, another author's
 * plugin guide) never loses generated content; a marker that names no
 * section is an error, since it would leave a hole in the page.
 */
export const fillMarkers = (
  html: string,
  sections: Readonly<Record<string, string>>,
  page: string,
): string => {
  const placed = new Set<string>()

  const filled = html.replace(MARKER, (_marker, name: string) => {
    const section = sections[name]
    if (section === undefined) {
      const known = Object.keys(sections).join(", ") || "none"
      throw new Error(`${page}: marker "ambu:${name}" names no generated section; this page has: ${known}`)
    }
    placed.add(name)
    return section
  })

  const unplaced = Object.entries(sections).filter(([name]) => !placed.has(name))
  return [filled, ...unplaced.map(([, section]) => section)].join("\n")
}
