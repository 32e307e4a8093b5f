/**
 * The embedding example: an intranet page that fetches a report's JSON and
 * shows one slide's table and one metric's raw result. The json page shows
 * this very text as its code sample, and the site serves it as a working
 * page over the sample report, so the example cannot rot unnoticed.
 */
export const EMBED_EXAMPLE = `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Tillgänglighetsmål</title>
<style>
  table { border-collapse: collapse; font-family: system-ui, sans-serif; }
  th, td { border: 1px solid #ccc; padding: 4px 8px; }
  td.number { text-align: right; }
  .over-goal { color: #b00020; font-weight: bold; }
  .total { font-weight: bold; }
</style>
</head>
<body>
<h1 id="caption">Tillgänglighetsmål</h1>
<div id="figure">Loading…</div>
<p id="waiting-time"></p>

<script>
// Where the report lives; on an intranet, the folder ambu report wrote.
const REPORT_URL = "sample/report.json"

const cell = (tag, content, column, emphasis) => {
  const element = document.createElement(tag)
  element.textContent = content
  if (column && column.align === "right") element.classList.add("number")
  for (const mark of emphasis || []) element.classList.add(mark)
  return element
}

fetch(REPORT_URL)
  .then((response) => response.json())
  .then((report) => {
    // One slide, by its stable id; its first table block.
    const slide = report.slides.find((s) => s.id === "availability-goal")
    const table = slide.blocks.find((b) => b.kind === "table")
    document.getElementById("caption").textContent = slide.title + " " + report.period.from + "–" + report.period.to

    const element = document.createElement("table")
    const head = element.createTHead().insertRow()
    for (const column of table.columns) head.append(cell("th", column.label, column))
    const body = element.createTBody()
    for (const row of table.rows) {
      const tr = body.insertRow()
      if (row.kind === "total" || row.kind === "subtotal") tr.classList.add("total")
      row.cells.forEach((c, i) => tr.append(cell("td", c.text, table.columns[i], c.emphasis)))
    }
    document.getElementById("figure").replaceChildren(element)

    // A metric's raw numbers, for a figure of your own: shares are 0–1, times in seconds.
    const waiting = report.metrics["waiting-time"].result
    const percent = (waiting.wholeRegion.share * 100).toLocaleString("sv-SE", { maximumFractionDigits: 1, minimumFractionDigits: 1 })
    document.getElementById("waiting-time").textContent =
      "Väntetid under 20 min, hela regionen: " + percent + " % av " + waiting.wholeRegion.cases + " ärenden"
  })
  .catch((error) => {
    document.getElementById("figure").textContent = "Could not read " + REPORT_URL + ": " + error
  })
</script>
</body>
</html>
`
