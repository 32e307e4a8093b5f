/**
 * The timestamps of a mission, in the order the data contract resolves
 * ambiguous local times. The index of a field in this list is its column
 * in the data set and its bit in the ambiguity mask.
 */
export const TIME_FIELDS = [
  "callAnsweredAt",
  "dispatchedAt",
  "enRouteAt",
  "arrivedSceneAt",
  "leftSceneAt",
  "arrivedDestinationAt",
  "clearedAt",
] as const

export type TimeField = (typeof TIME_FIELDS)[number]

export const TIME_FIELD_INDEX: Readonly<Record<TimeField, number>> = {
  callAnsweredAt: 0,
  dispatchedAt: 1,
  enRouteAt: 2,
  arrivedSceneAt: 3,
  leftSceneAt: 4,
  arrivedDestinationAt: 5,
  clearedAt: 6,
}
