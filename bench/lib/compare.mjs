/**
 * Compares two flat figure maps: counts exactly, medians within ±0.5 s.
 * A count absent on one side is 0 there (ambu lists every station and
 * municipality, DuckDB only the groups it saw); a median absent is null.
 * `info` figures are shown side by side but never fail the comparison.
 */

const MEDIAN_TOLERANCE_S = 0.5

const familyOf = (key) => key.split("/")[0]

const equal = (kind, a, b) => {
  if (a === null || b === null) return a === b
  return kind === "median" ? Math.abs(a - b) <= MEDIAN_TOLERANCE_S : a === b
}

/**
 * Returns `{ compared, differences, info }`: `differences` lists
 * `{ key, kind, duckdb, ambu }` for every figure that disagrees.
 */
export const compareFigures = (duckdb, ambu) => {
  const keys = [...new Set([...Object.keys(duckdb), ...Object.keys(ambu)])].sort()
  const ambuFamilies = new Set(Object.keys(ambu).map(familyOf))
  const differences = []
  const info = []
  let compared = 0

  for (const key of keys) {
    const d = duckdb[key]
    const a = ambu[key]
    const kind = d?.kind ?? a?.kind
    if (!ambuFamilies.has(familyOf(key))) continue

    const absent = kind === "count" ? 0 : null
    const duckValue = d === undefined ? absent : d.value
    const ambuValue = a === undefined ? absent : a.value
    if (kind === "info") {
      info.push({ key, duckdb: duckValue, ambu: ambuValue })
      continue
    }
    compared++
    if (!equal(kind, duckValue, ambuValue))
      differences.push({ key, kind, duckdb: duckValue, ambu: ambuValue })
  }
  return { compared, differences, info }
}
