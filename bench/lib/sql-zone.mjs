/**
 * SQL macros that parse the contract's timestamps and turn naive local times
 * into instants (epoch milliseconds) of one time zone, with the spring gap
 * and the autumn repeated hour recognised from the zone's yearly transitions.
 */
import { intList, lit } from "./sql-text.mjs"
import { yearlyTransitions } from "./zone-transitions.mjs"

const FIRST_YEAR = 2000
const LAST_YEAR = 2100

/**
 * Macros:
 * - `ts_naive(s)`: `YYYY-MM-DD[ T]HH:MM[:SS]` as a TIMESTAMP, else NULL (DuckDB's own cast,
 *   fast; checking each separator too doubled its cost, so of the same length it would also
 *   take a fraction of a second or one-digit fields);
 * - `ts_offset_ms(s)`: an ISO time with `Z` or an offset as epoch ms, else NULL;
 * - `z_year(l)`: the year index of a naive time into the transition lists;
 * - `z_gap(e, y)`: the naive time does not exist (spring gap);
 * - `z_first(l, e, y)`: epoch ms of a naive time, the first occurrence when it
 *   is repeated, NULL in the gap; `z_second(e, y)`: the second occurrence, or NULL;
 * - `z_local_month(ms)`: the zone's local month of an instant as year*12+month-1.
 * `l` is the naive TIMESTAMP, `e` its `epoch_ms(l)` and `y` its `z_year(l)`,
 * computed once per value by the caller because macros are expanded inline.
 * Years outside 2000–2100 fall back to DuckDB's own `timezone()`.
 */
export const zoneMacros = (timeZone) => {
  const years = yearlyTransitions(timeZone, FIRST_YEAR, LAST_YEAR)
  const at = (key) => `(${intList(years.map((y) => y[key]))})[y]`

  return `
CREATE OR REPLACE TEMP MACRO ts_naive(s) AS CASE
  WHEN length(s) = 19 OR length(s) = 16 THEN try_cast(s AS TIMESTAMP) END;

CREATE OR REPLACE TEMP MACRO ts_offset_ms(s) AS CASE
  WHEN regexp_full_match(s, '\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)')
  THEN epoch_ms(try_cast(s AS TIMESTAMPTZ)) END;

CREATE OR REPLACE TEMP MACRO z_year(l) AS year(l) - ${FIRST_YEAR - 1};

CREATE OR REPLACE TEMP MACRO z_gap(e, y) AS coalesce(e >= ${at("gapStart")} AND e < ${at("gapEnd")}, false);

CREATE OR REPLACE TEMP MACRO z_first(l, e, y) AS CASE
  WHEN e IS NULL THEN NULL
  WHEN y < 1 OR y > ${years.length} THEN epoch_ms(timezone(${lit(timeZone)}, l))
  WHEN e < ${at("gapStart")} THEN e - ${at("winter")}
  WHEN e < ${at("gapEnd")} THEN NULL
  WHEN e < ${at("repeatEnd")} THEN e - ${at("summer")}
  ELSE e - ${at("winter")} END;

CREATE OR REPLACE TEMP MACRO z_second(e, y) AS CASE
  WHEN e >= ${at("repeatStart")} AND e < ${at("repeatEnd")} THEN e - ${at("winter")} END;

CREATE OR REPLACE TEMP MACRO z_local(ms) AS timezone(${lit(timeZone)}, make_timestamp(ms * 1000)::TIMESTAMPTZ);
CREATE OR REPLACE TEMP MACRO z_local_month(ms) AS year(z_local(ms)) * 12 + month(z_local(ms)) - 1;
`
}
