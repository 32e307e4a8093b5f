/**
 * Text widths estimated without a browser, so the page can be laid out
 * when the HTML is written. The advances are DejaVu Sans's (the theme's
 * first font, and the widest of its list), in thousandths of an em, as
 * Chromium measures them. A glyph not in the table counts as a full em,
 * which errs towards too much room rather than too little.
 */
const GLYPHS =
  " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~" +
  "åäöÅÄÖéèüÜ–—·×▲⚠…\u00a0\u202f\u2009−°’"

const REGULAR =
  "318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,636,636,636," +
  "337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,863,748,787,603,787,695,635," +
  "611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,635,615,352,635,634,278,278,579,278,974," +
  "634,612,635,635,411,521,392,634,592,818,592,592,525,636,337,636,838,613,613,612,684,684,787,615,615,634," +
  "732,500,1000,318,838,769,896,1000,318,200,200,838,500,318"

const BOLD =
  "348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,696,696,696,696," +
  "400,400,838,838,838,580,1000,774,762,734,830,683,683,821,837,372,372,775,637,995,837,850,733,850,770,720," +
  "682,812,774,1103,771,724,725,457,365,457,838,500,500,675,716,593,716,678,435,716,712,343,343,665,343,1042," +
  "712,687,716,716,493,595,478,712,652,924,645,652,582,712,365,712,838,675,675,687,774,774,850,678,678,712," +
  "812,500,1000,380,838,769,896,1000,348,200,200,838,500,380"

const advances = (list: string): ReadonlyMap<string, number> => {
  const values = list.split(",").map((value) => Number(value) / 1000)
  return new Map([...GLYPHS].map((glyph, index) => [glyph, values[index]!]))
}

const REGULAR_EM = advances(REGULAR)
const BOLD_EM = advances(BOLD)

/** The width in px of `text` on one line at `fontPx`. */
export const textWidth = (text: string, fontPx: number, bold = false): number => {
  const table = bold ? BOLD_EM : REGULAR_EM
  let em = 0
  for (const glyph of text) em += table.get(glyph) ?? 1
  return em * fontPx
}

/** Where a line may break: ordinary spaces only (never the no-break spaces inside numbers). */
const words = (text: string): string[] => text.split(/[ \t\n]+/).filter((word) => word.length > 0)

/** The widest single word: the narrowest a wrapping box can be without a word sticking out. */
export const longestWordWidth = (text: string, fontPx: number, bold = false): number =>
  Math.max(0, ...words(text).map((word) => textWidth(word, fontPx, bold)))

/**
 * How many lines `text` takes in a box `widthPx` wide, broken at spaces.
 * The browser may also break after a hyphen, so it needs at most as many
 * lines as this; a word wider than the box counts the lines it spills into.
 */
export const wrappedLines = (text: string, widthPx: number, fontPx: number, bold = false): number => {
  const list = words(text)
  if (list.length === 0) return 1

  const space = textWidth(" ", fontPx, bold)
  let lines = 1
  let used = 0
  for (const word of list) {
    const width = textWidth(word, fontPx, bold)
    const needed = used === 0 ? width : used + space + width
    if (needed <= widthPx) {
      used = needed
      continue
    }
    if (used > 0) lines += 1
    const spill = Math.max(0, Math.ceil(width / widthPx) - 1)
    lines += spill
    used = width - spill * widthPx
  }
  return lines
}
