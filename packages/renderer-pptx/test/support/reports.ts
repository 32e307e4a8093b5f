import { type ChartBlock, numberCell, type Report, type Row, type Slide, textCell } from "@ambu/core"
import { reportFixture } from "@ambu/core/testing"

/** The fixture with its slides replaced, for decks that stress one feature. */
export const reportWith = (slides: ReadonlyArray<Slide>): Report => ({
  ...reportFixture,
  slides: slides.map((slide, index) => ({ ...slide, number: index + 1 })),
})

/** A table of `count` short single-line rows: station names and counts. */
export const longTableSlide = (count: number): Slide => {
  const rows: Row[] = Array.from({ length: count }, (_, index) => ({
    kind: "body",
    cells: [textCell(`Station ${index + 1}`), numberCell(index * 10, "count", "sv")],
  }))
  return {
    id: "long-table",
    number: 1,
    title: "Antal uppdrag per station",
    blocks: [
      {
        kind: "table",
        id: "long-table-table",
        caption: "Uppdrag per station",
        columns: [
          { key: "station", label: "Station", align: "left" },
          { key: "count", label: "Antal", align: "right" },
        ],
        rows,
      },
    ],
    notes: "Station = resursens hemmastation.",
    metricIds: ["missions-per-station"],
  }
}

/** A bar chart of durations with a goal: plotted as minutes on a bar + line combo. */
export const durationChart: ChartBlock = {
  kind: "chart",
  id: "median-chart",
  chartType: "bar",
  title: "Mediantid per distrikt",
  description: "Staplar: mediantid från larm till framme per distrikt, med målet 18 minuter.",
  unit: "duration",
  xLabel: "Distrikt",
  yLabel: "Mediantid",
  categories: ["Sydväst", "Mellersta", "Nordväst"],
  series: [{ name: "Median", values: [600, null, 1230] }],
  goal: { value: 1080, label: "Mål 18 min" },
}

export const chartSlide = (chart: ChartBlock): Slide => ({
  id: chart.id,
  number: 1,
  title: chart.title,
  blocks: [chart],
  notes: "",
  metricIds: [],
})
