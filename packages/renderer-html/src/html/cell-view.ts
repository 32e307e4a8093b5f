import type { Cell } from "@ambu/core"
import type { RendererLabels } from "../labels.js"

/** What the `cell-value` partial needs: the text, its marks, and words for screen readers. */
export interface CellValueView {
  readonly text: string
  readonly overGoal: boolean
  readonly suppressed: boolean
  /** Said by screen readers, not shown: the meaning of the marks. */
  readonly hiddenNote: string | null
}

export const cellValueView = (cell: Cell, labels: RendererLabels): CellValueView => {
  const emphasis = cell.emphasis ?? []
  const overGoal = emphasis.includes("over-goal")
  const suppressed = emphasis.includes("suppressed")
  const notes = [...(overGoal ? [labels.overGoal] : []), ...(suppressed ? [labels.suppressed] : [])]

  return { text: cell.text, overGoal, suppressed, hiddenNote: notes.length > 0 ? notes.join(", ") : null }
}
