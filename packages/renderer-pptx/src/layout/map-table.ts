import type { MapBlock, Row, TableBlock } from "@ambu/core"
import type { Labels } from "../theme.js"

/**
 * A map block as a table of its areas, for a geography without boundaries
 * and after a map that has no room for every value. Areas over the goal
 * carry the `over-goal` mark like any table cell; `note` says why the
 * table is there.
 */
export const mapAsTable = (map: MapBlock, labels: Labels, note: string): TableBlock => {
  const rows: Row[] = map.areas.map((area) => ({
    kind: "body",
    cells: [
      { text: area.code, value: area.code, format: "text" },
      { text: area.name, value: area.name, format: "text" },
      area.overGoal
        ? { text: area.text, value: area.value, format: map.unit, emphasis: ["over-goal"] }
        : { text: area.text, value: area.value, format: map.unit },
    ],
  }))

  const goal = map.goal === undefined ? [] : [map.goal.label]
  return {
    kind: "table",
    id: map.id,
    caption: map.title,
    columns: [
      { key: "code", label: labels.mapCode, align: "left" },
      { key: "name", label: labels.mapArea, align: "left" },
      { key: "value", label: labels.mapValue, align: "right" },
    ],
    rows,
    notes: [...goal, note],
  }
}
