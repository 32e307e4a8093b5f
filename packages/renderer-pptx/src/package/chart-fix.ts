/**
 * What the package step adds to one chart because pptxgenjs cannot write
 * it. Fixes are listed in the order the charts were drawn, which is the
 * order of their parts `chart1.xml`, `chart2.xml`, … once renumbered.
 */
export interface ChartFix {
  /** Series, by their index in the chart, that get no legend entry. */
  readonly hiddenLegendEntries: ReadonlyArray<number>
}

export const NO_CHART_FIX: ChartFix = { hiddenLegendEntries: [] }

/**
 * Removes the legend entries of `hidden` series (`<c:legendEntry>` with
 * `<c:delete>`, right after the legend's position as the schema orders it).
 * A chart without a legend is left as it is.
 */
export const hideLegendEntries = (chartXml: string, hidden: ReadonlyArray<number>): string => {
  if (hidden.length === 0) return chartXml
  const entries = hidden
    .map((index) => `<c:legendEntry><c:idx val="${index}"/><c:delete val="1"/></c:legendEntry>`)
    .join("")
  return chartXml.replace(/(<c:legend>\s*<c:legendPos val="[a-z]+"\/>)/, `$1${entries}`)
}
