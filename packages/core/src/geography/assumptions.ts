import type { Geography, Municipality, Station } from "../domain/geography.js"

/** The values of a geography marked as assumed, so a report can say what rests on assumptions. */
export interface GeographyAssumptions {
  /** Municipalities whose district membership is assumed. */
  readonly municipalities: ReadonlyArray<Municipality>
  /** Stations whose existence or position is assumed. */
  readonly stations: ReadonlyArray<Station>
}

/**
 * Lists the assumed values of a geography.
 *
 * @example
 * assumedValues(skaneGeography).stations.length // 19: 17 unverified localities and 2 uncertain ones
 */
export const assumedValues = (geography: Geography): GeographyAssumptions => ({
  municipalities: geography.municipalities.filter((m) => m.assumed === true),
  stations: geography.stations.filter((s) => s.assumed === true),
})

/** Whether anything in the geography is marked as assumed. */
export const hasAssumptions = (geography: Geography): boolean => {
  const assumed = assumedValues(geography)
  return assumed.municipalities.length > 0 || assumed.stations.length > 0
}
