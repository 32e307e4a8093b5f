/** Where a page's PNG goes: its model slide number and its page within that slide. */
export interface SlidePage {
  readonly slideNumber: number
  /** 1 on the slide's first page. */
  readonly page: number
}

/**
 * The PNG paths of the deck's pages, in page order: `png/slide-04.png` for
 * slide 4's first page, `png/slide-04-2.png` for its first continuation
 * ("(forts.)"), so a file's name says which slide it shows, as its footer
 * does. Numbers are zero-padded to the widest slide number (at least two
 * digits), so the first pages sort by slide. Two pages with one name would
 * overwrite each other, so that is an error.
 */
export const slidePngPaths = (pages: ReadonlyArray<SlidePage>): string[] => {
  const digits = Math.max(2, ...pages.map((page) => String(Math.abs(page.slideNumber)).length))
  const paths = pages.map(
    ({ slideNumber, page }) =>
      `png/slide-${String(slideNumber).padStart(digits, "0")}${page > 1 ? `-${page}` : ""}.png`,
  )

  const seen = new Set<string>()
  for (const path of paths) {
    if (seen.has(path)) {
      throw new RangeError(
        `two pages would both be written to ${path}: every slide of the report needs its own number`,
      )
    }
    seen.add(path)
  }
  return paths
}
