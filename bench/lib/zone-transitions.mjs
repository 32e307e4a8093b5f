/**
 * Daylight-saving transitions of a time zone, found with the platform's
 * time-zone database (Intl), so the SQL side can turn naive local times into
 * instants with plain arithmetic instead of one ICU call per value, and can
 * recognise the spring gap and the autumn hour itself (DuckDB's `timezone()`
 * silently shifts a gap time and picks the later of two ambiguous instants).
 */

/** Offset of the zone from UTC at an instant, in milliseconds. */
const offsetAt = (formatter, instantMs) => {
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instantMs)).map((p) => [p.type, p.value]))
  const hour = parts.hour === "24" ? 0 : Number(parts.hour)
  const localMs = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    hour,
    Number(parts.minute),
    Number(parts.second),
  )
  return localMs - Math.floor(instantMs / 1000) * 1000
}

const formatterFor = (timeZone) =>
  new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  })

/** The first instant (to the second) in (lo, hi] whose offset differs from lo's. */
const findChange = (formatter, lo, hi) => {
  const before = offsetAt(formatter, lo)
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000
    if (offsetAt(formatter, mid) === before) lo = mid
    else hi = mid
  }
  return hi
}

/**
 * Per year from `firstYear` to `lastYear`: the local wall-clock ranges (as
 * milliseconds of the naive time read as UTC) of the spring gap and the
 * autumn repeated hour, and the winter and summer offsets. A zone without
 * daylight saving gets empty ranges. Throws for a zone with more than one
 * change each way in a year, which this arithmetic does not model.
 */
export const yearlyTransitions = (timeZone, firstYear, lastYear) => {
  const formatter = formatterFor(timeZone)
  const years = []

  for (let year = firstYear; year <= lastYear; year++) {
    const changes = []
    for (let month = 0; month < 12; month++) {
      const lo = Date.UTC(year, month, 1)
      const hi = Date.UTC(year, month + 1, 1)
      if (offsetAt(formatter, lo) !== offsetAt(formatter, hi)) {
        const at = findChange(formatter, lo, hi)
        changes.push({ at, before: offsetAt(formatter, at - 1000), after: offsetAt(formatter, at) })
      }
    }

    const forward = changes.filter((c) => c.after > c.before)
    const backward = changes.filter((c) => c.after < c.before)
    if (forward.length > 1 || backward.length > 1 || forward.length !== backward.length) {
      throw new Error(`time zone ${timeZone}: ${changes.length} offset changes in ${year}, not modelled`)
    }

    const winter = offsetAt(formatter, Date.UTC(year, 0, 1))
    if (forward.length === 0) {
      years.push({ year, gapStart: 0, gapEnd: 0, repeatStart: 0, repeatEnd: 0, winter, summer: winter })
      continue
    }
    const [spring] = forward
    const [autumn] = backward
    if (autumn.at < spring.at)
      throw new Error(`time zone ${timeZone}: southern-hemisphere order not modelled`)

    years.push({
      year,
      gapStart: spring.at + spring.before,
      gapEnd: spring.at + spring.after,
      repeatStart: autumn.at + autumn.after,
      repeatEnd: autumn.at + autumn.before,
      winter: spring.before,
      summer: spring.after,
    })
  }
  return years
}
