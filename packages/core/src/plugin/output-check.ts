import { z } from "zod"
import { MetricQuality, Slide } from "../model/report-model.js"
import { issueLines } from "./issue-path.js"

/**
 * A metric's output is checked before it joins the report: a plugin that
 * returns a chart without series, or a quality account that does not add
 * up, would otherwise give a report.json that fails the report's own
 * schema and a renderer that crashes on it, losing the whole report.
 */

/** At most this many problems are named; the rest are counted. */
const SHOWN = 3

const summarise = (lines: ReadonlyArray<string>): string =>
  lines.length <= SHOWN
    ? lines.join("; ")
    : `${lines.slice(0, SHOWN).join("; ")}; and ${lines.length - SHOWN} more`

const Count = z.number().int().nonnegative()

/** The model's schema, with the counts that cannot be negative said so. */
const Quality = MetricQuality.extend({
  considered: Count,
  used: Count,
  leftOut: z.array(z.object({ reason: z.string().min(1), count: Count })),
  ambiguousLocalTimes: Count,
})

/**
 * What is wrong with a metric's data-quality account, or undefined: its
 * shape, then its arithmetic (every row considered is used or left out
 * with a reason, and ambiguous times are among the used ones).
 */
export const qualityProblem = (quality: unknown): string | undefined => {
  const parsed = Quality.safeParse(quality)
  if (!parsed.success)
    return `its data-quality account is not valid: ${summarise(issueLines(parsed.error, "quality"))}`
  const { considered, used, leftOut, ambiguousLocalTimes } = parsed.data
  const left = leftOut.reduce((sum, l) => sum + l.count, 0)
  if (used > considered) {
    return `its data-quality account does not add up: quality.used (${used}) is more than quality.considered (${considered})`
  }
  if (used + left !== considered) {
    return `its data-quality account does not add up: quality.considered (${considered}) must equal quality.used (${used}) + the leftOut counts (${left})`
  }
  if (ambiguousLocalTimes > used) {
    return `its data-quality account does not add up: quality.ambiguousLocalTimes (${ambiguousLocalTimes}) is more than quality.used (${used})`
  }
  return undefined
}

const SlideContent = Slide.pick({ title: true, blocks: true, notes: true }).extend({ id: z.string().min(1) })

/** What is wrong with the slides a presenter returned, or undefined. */
export const slidesProblem = (slides: unknown): string | undefined => {
  if (!Array.isArray(slides)) return "its presenter must return a list of slides"
  const lines = slides.flatMap((slide: unknown, i) => {
    const parsed = SlideContent.safeParse(slide)
    if (parsed.success) return []
    const id = typeof slide === "object" && slide !== null ? (slide as { id?: unknown }).id : undefined
    const name = typeof id === "string" && id !== "" ? `slide "${id}"` : `slides[${i}]`
    return issueLines(parsed.error).map((line) => `${name}: ${line}`)
  })
  return lines.length === 0 ? undefined : `its presenter made a slide that is not valid: ${summarise(lines)}`
}
