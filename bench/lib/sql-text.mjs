/** Small helpers for writing SQL text from JavaScript values. */

/** A SQL string literal. */
export const lit = (value) => `'${String(value).replaceAll("'", "''")}'`

/** A quoted SQL identifier. */
export const ident = (name) => `"${String(name).replaceAll('"', '""')}"`

/** A SQL list literal of integers. */
export const intList = (values) => `[${values.map((v) => String(Math.trunc(v))).join(", ")}]`

/** A VALUES table of rows of string literals, or an empty one with the given column names. */
export const valuesTable = (rows, columns) => {
  if (rows.length === 0) {
    return `(SELECT ${columns.map((c) => `NULL::VARCHAR AS ${ident(c)}`).join(", ")} WHERE false)`
  }
  const body = rows.map((row) => `(${row.map((v) => (v === null ? "NULL" : lit(v))).join(", ")})`).join(",\n")
  return `(VALUES ${body}) AS t(${columns.map(ident).join(", ")})`
}
