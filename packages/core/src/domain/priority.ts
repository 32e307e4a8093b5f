/** Priority a mission was dispatched with: 1 is the most urgent. */
export type Priority = 1 | 2 | 3

export const PRIORITIES: ReadonlyArray<Priority> = [1, 2, 3]

export const isPriority = (value: number): value is Priority => value === 1 || value === 2 || value === 3
