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
 * - `ts_naive(s)`: `YYYY-MM-DD[ T]HH:MM[:SS]` as a TIMESTAMP, else NULL;
 * - `ts_offset_ms(s)`: an ISO time with `Z` or an offset as epoch ms, else NULL;
 * - `z_gap(l)`: the naive time does not exist (spring gap);
 * - `z_first(l)`: epoch ms of a naive time, the first occurrence when it is
 *   repeated, NULL in the gap; `z_second(l)`: the second occurrence, or NULL;
 * - `z_local_month(ms)`: the zone's local month of an instant as year*12+month-1.
 * Years outside 2000–2100 fall back to DuckDB's own `timezone()`.
 */
export const zoneMacros = (timeZone) => {
  const years = yearlyTransitions(timeZone, FIRST_YEAR, LAST_YEAR)
  const list = (key) => intList(years.map((y) => y[key]))
  const at = (key) => `(${list(key)})[year(l) - ${FIRST_YEAR - 1}]`

  return `
CREATE OR REPLACE TEMP MACRO ts_naive(s) AS CASE
  WHEN (length(s) = 19 AND s[17] = ':' OR length(s) = 16)
   AND s[5] = '-' AND s[8] = '-' AND s[11] IN (' ', 'T') AND s[14] = ':'
  THEN try_cast(s AS TIMESTAMP) END;

CREATE OR REPLACE TEMP MACRO ts_offset_ms(s) AS CASE
  WHEN regexp_full_match(s, '\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)')
  THEN epoch_ms(try_cast(s AS TIMESTAMPTZ)) END;

CREATE OR REPLACE TEMP MACRO z_gs(l) AS ${at("gapStart")};
CREATE OR REPLACE TEMP MACRO z_ge(l) AS ${at("gapEnd")};
CREATE OR REPLACE TEMP MACRO z_rs(l) AS ${at("repeatStart")};
CREATE OR REPLACE TEMP MACRO z_re(l) AS ${at("repeatEnd")};
CREATE OR REPLACE TEMP MACRO z_win(l) AS ${at("winter")};
CREATE OR REPLACE TEMP MACRO z_sum(l) AS ${at("summer")};

CREATE OR REPLACE TEMP MACRO z_gap(l) AS coalesce(epoch_ms(l) >= z_gs(l) AND epoch_ms(l) < z_ge(l), false);

CREATE OR REPLACE TEMP MACRO z_first(l) AS CASE
  WHEN l IS NULL THEN NULL
  WHEN z_gs(l) IS NULL THEN epoch_ms(timezone(${lit(timeZone)}, l))
  WHEN epoch_ms(l) < z_gs(l) THEN epoch_ms(l) - z_win(l)
  WHEN epoch_ms(l) < z_ge(l) THEN NULL
  WHEN epoch_ms(l) < z_re(l) THEN epoch_ms(l) - z_sum(l)
  ELSE epoch_ms(l) - z_win(l) END;

CREATE OR REPLACE TEMP MACRO z_second(l) AS CASE
  WHEN epoch_ms(l) >= z_rs(l) AND epoch_ms(l) < z_re(l) THEN epoch_ms(l) - z_win(l) END;

CREATE OR REPLACE TEMP MACRO z_local(ms) AS timezone(${lit(timeZone)}, make_timestamp(ms * 1000)::TIMESTAMPTZ);
CREATE OR REPLACE TEMP MACRO z_local_month(ms) AS year(z_local(ms)) * 12 + month(z_local(ms)) - 1;
`
}
