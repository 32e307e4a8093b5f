/**
 * Reads ambu's `report.json` (`metrics.<key>.result` and `dataQuality`) into
 * the same flat `key -> { value, kind }` map that the DuckDB side produces.
 */

const put = (figures, key, value, kind = "count") => {
  figures[key] = { value: value === undefined || value === null ? null : Number(value), kind }
}

const fileRows = (figures, dataQuality) => {
  for (const file of dataQuality?.files ?? []) {
    const prefix = `rows/${file.kind}`
    put(figures, `${prefix}/read`, file.read)
    put(figures, `${prefix}/accepted`, file.accepted)
    put(figures, `${prefix}/rejected`, file.rejected)
    for (const [reason, count] of Object.entries(file.rejectedByReason ?? {})) {
      put(figures, `${prefix}/rejected/${reason}`, count)
    }
    if (file.kind === "missions") {
      put(figures, `${prefix}/ambiguous-fields`, file.warnings?.["ambiguous-local-time"] ?? 0)
    }
  }
}

const periodAndUnmatched = (figures, dataQuality) => {
  const period = dataQuality?.period
  if (period !== undefined) {
    for (const [kind, coverage] of [
      ["missions", period.missions],
      ["rescue-cases", period.rescueCases],
    ]) {
      put(figures, `period/${kind}/in`, coverage.inPeriod)
      put(figures, `period/${kind}/before`, coverage.before)
      put(figures, `period/${kind}/after`, coverage.after)
    }
  }
  for (const s of dataQuality?.unmatched?.stations ?? [])
    put(figures, `unmatched/station/${s.name}`, s.missions)
  for (const m of dataQuality?.unmatched?.municipalityCodes ?? [])
    put(figures, `unmatched/municipality/${m.code}`, m.missions)
}

const missionsPerMonth = (figures, result) => {
  const add = (row) => {
    for (const p of [1, 2, 3]) put(figures, `missions-per-month/${row.month}/p${p}`, row[`priority${p}`])
  }
  for (const row of result.months) {
    add(row)
    if (row.previous) add(row.previous)
  }
}

const missionsPerStation = (figures, result) => {
  for (const station of result.stations) {
    result.months.forEach((month, i) => {
      put(figures, `missions-per-station/${station.name}/${month}`, station.perMonth[i])
    })
  }
}

const waitingTime = (figures, result) => {
  const add = (area, row) => {
    put(figures, `waiting-time/${area}/cases`, row.cases)
    put(figures, `waiting-time/${area}/under`, row.under)
  }
  for (const district of result.districts) add(`district:${district.id}`, district)
  add("region", result.wholeRegion)
}

const availability = (figures, result) => {
  const add = (area, perMonth) => {
    for (const row of perMonth) {
      put(figures, `availability/${row.month}/${area}/cases`, row.cases)
      put(figures, `availability/${row.month}/${area}/within`, row.within)
    }
  }
  for (const district of result.districts) add(`district:${district.id}`, district.perMonth)
  add("region", result.wholeRegion.perMonth)
}

const startInterval = (figures, result) => {
  const add = (area, row) => {
    put(figures, `start-interval/${area}/missions`, row.missions)
    put(figures, `start-interval/${area}/within`, row.within)
  }
  for (const station of result.stations) add(`station:${station.name}`, station)
  for (const district of result.districts) add(`district:${district.id}`, district)
  add("region", result.wholeRegion)
}

const borderless = (figures, result) => {
  for (const municipality of result.municipalities) {
    const prefix = `borderless/p${result.priority}/${municipality.code}`
    for (const cell of municipality.byResourceDistrict)
      put(figures, `${prefix}/district:${cell.districtId}`, cell.missions)
    put(figures, `${prefix}/external`, municipality.external)
  }
}

const segmentTimes = (figures, result) => {
  const add = (area, row) => {
    for (const segment of row.segments) {
      put(figures, `segment-times/${area}/${segment.segment}`, segment.medianSeconds, "median")
      put(figures, `segment-times/${area}/${segment.segment}/n`, segment.n)
    }
  }
  for (const municipality of result.municipalities) add(municipality.code, municipality)
  for (const district of result.districts) add(`district:${district.id}`, district)
  add("region", result.region)
}

const medianResponse = (figures, result) => {
  const add = (area, row) => {
    put(figures, `median-response/${area}/median`, row.medianSeconds, "median")
    put(figures, `median-response/${area}/cases`, row.cases)
  }
  for (const municipality of result.municipalities) add(municipality.code, municipality)
  for (const district of result.districts) add(`district:${district.id}`, district)
  add("region", result.region)
}

const rescueAssists = (figures, result) => {
  const add = (area, row) => {
    put(figures, `rescue/${area}/prio1-cases`, row.prio1Cases)
    for (const [category, value] of Object.entries(row.byCategory))
      put(figures, `rescue/${area}/${category}`, value.cases)
  }
  for (const municipality of result.municipalities) add(municipality.code, municipality)
  for (const district of result.districts) add(`district:${district.id}`, district)
  add("region", result.region)
}

const READERS = {
  "missions-per-month": missionsPerMonth,
  "missions-per-station": missionsPerStation,
  "waiting-time": waitingTime,
  "availability-goal": availability,
  "start-interval": startInterval,
  "borderless-dispatch-p1": borderless,
  "borderless-dispatch-p2": borderless,
  "borderless-dispatch-p3": borderless,
  "segment-times": segmentTimes,
  "median-response": medianResponse,
  "rescue-assists": rescueAssists,
}

/**
 * The figures of a parsed `report.json`, plus the names of the metrics this
 * reader expected but did not find (each is a difference in itself).
 */
export const reportFigures = (report) => {
  const figures = {}
  const missing = []
  fileRows(figures, report.dataQuality)
  periodAndUnmatched(figures, report.dataQuality)
  for (const [metric, read] of Object.entries(READERS)) {
    const entry = report.metrics?.[metric]
    if (entry?.result === undefined) missing.push(metric)
    else read(figures, entry.result)
  }
  return { figures, missing }
}
