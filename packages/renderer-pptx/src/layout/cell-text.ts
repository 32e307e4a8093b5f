import type { Cell } from "@ambu/core"
import { OVER_GOAL_MARK, SUPPRESSED_MARK } from "../theme.js"

/**
 * The text a cell shows on the slide: the model's text with the marks that
 * must read without colour (a value over its goal, a suppressed count).
 */
export const displayText = (cell: Cell): string => {
  const emphasis = cell.emphasis ?? []
  const prefix = emphasis.includes("over-goal") ? OVER_GOAL_MARK : ""
  const suffix = emphasis.includes("suppressed") ? SUPPRESSED_MARK : ""
  return `${prefix}${cell.text}${suffix}`
}

export const hasEmphasis = (cell: Cell, mark: NonNullable<Cell["emphasis"]>[number]): boolean =>
  (cell.emphasis ?? []).includes(mark)
