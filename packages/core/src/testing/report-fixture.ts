import { numberCell, textCell } from "../model/format.js"
import { REPORT_SCHEMA_VERSION, type Report } from "../model/report-model.js"

/**
 * A small report that uses every block kind, with a hostile station name,
 * for renderer tests that must not wait for real data. Its numbers are
 * consistent with each other (totals add up) but invented.
 */
export const HOSTILE_NAME = `<script>alert("x")</script> & "Ö" =cmd`

const square = (x: number, y: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [x, y],
      [x + 0.2, y],
      [x + 0.2, y + 0.2],
      [x, y + 0.2],
      [x, y],
    ],
  ],
})

export const reportFixture: Report = {
  schemaVersion: REPORT_SCHEMA_VERSION,
  tool: { name: "ambu", version: "0.0.0-test" },
  generatedAt: "2026-01-15T09:00:00.000Z",
  language: "sv",
  region: "Region Test",
  timeZone: "Europe/Stockholm",
  period: { from: "2025-01", to: "2025-03" },
  previousPeriod: null,
  parameters: { "waiting-time": { thresholdSeconds: 1200 } },
  slides: [
    {
      id: "title",
      number: 1,
      title: "Ambulansuppföljning",
      blocks: [
        {
          kind: "title",
          title: "Ambulansuppföljning",
          subtitle: "Region Test för 2025-01 till 2025-03",
          produced: "Framtagen 2026-01",
        },
      ],
      notes: "",
      metricIds: [],
    },
    {
      id: "missions-per-month",
      number: 2,
      title: "Antal vårduppdrag",
      blocks: [
        { kind: "text", paragraphs: ["Vårduppdrag per månad och prioritet.", "Andra stycket."] },
        {
          kind: "chart",
          id: "missions-per-month-chart",
          chartType: "stacked-bar",
          title: "Vårduppdrag per månad",
          description: "Staplade staplar: antal vårduppdrag per månad, uppdelat på prioritet 1, 2 och 3.",
          unit: "count",
          xLabel: "Månad",
          yLabel: "Antal",
          categories: ["2025-01", "2025-02", "2025-03"],
          series: [
            { name: "Prio 1", values: [450, 410, 470] },
            { name: "Prio 2", values: [400, 380, 420] },
            { name: "Prio 3", values: [150, 140, 160] },
          ],
        },
        {
          kind: "table",
          id: "missions-per-month-table",
          caption: "Antal vårduppdrag per månad och prioritet",
          columns: [
            { key: "month", label: "Månad", align: "left" },
            { key: "p1", label: "Prio 1", align: "right" },
            { key: "p2", label: "Prio 2", align: "right" },
            { key: "p3", label: "Prio 3", align: "right" },
            { key: "total", label: "Totalt", align: "right" },
          ],
          rows: [
            {
              kind: "body",
              cells: [
                textCell("2025-01"),
                numberCell(450, "count", "sv"),
                numberCell(400, "count", "sv"),
                numberCell(150, "count", "sv"),
                numberCell(1000, "count", "sv"),
              ],
            },
            {
              kind: "body",
              cells: [
                textCell("2025-02"),
                numberCell(410, "count", "sv"),
                numberCell(380, "count", "sv"),
                numberCell(140, "count", "sv"),
                numberCell(930, "count", "sv"),
              ],
            },
            {
              kind: "body",
              cells: [
                textCell("2025-03"),
                numberCell(470, "count", "sv"),
                numberCell(420, "count", "sv"),
                numberCell(160, "count", "sv"),
                numberCell(1050, "count", "sv"),
              ],
            },
            {
              kind: "total",
              cells: [
                textCell("Totalt", ["total"]),
                numberCell(1330, "count", "sv", ["total"]),
                numberCell(1200, "count", "sv", ["total"]),
                numberCell(450, "count", "sv", ["total"]),
                numberCell(2980, "count", "sv", ["total"]),
              ],
            },
          ],
        },
      ],
      notes: "Definition: vårduppdrag av regionens resurser. Datakvalitet: 2 980 använda, 0 utelämnade.",
      metricIds: ["missions-per-month"],
    },
    {
      id: "availability-goal",
      number: 3,
      title: "Tillgänglighetsmål",
      blocks: [
        {
          kind: "chart",
          id: "availability-goal-chart",
          chartType: "line",
          title: "Andel framme inom 20 minuter",
          description: "Linjer: andel prio 1-ärenden framme inom 20 minuter per månad, med målet 90 %.",
          unit: "share",
          xLabel: "Månad",
          yLabel: "Andel",
          categories: ["2025-01", "2025-02", "2025-03"],
          series: [
            { name: "Hela regionen", values: [0.91, 0.884, 0.902] },
            { name: "Sydväst", values: [0.95, null, 0.93] },
          ],
          goal: { value: 0.9, label: "Mål 90 %" },
        },
        {
          kind: "key-figures",
          items: [
            { label: "Hela perioden", value: numberCell(0.899, "share", "sv", ["over-goal"]) },
            { label: "Ärenden", value: numberCell(1330, "count", "sv") },
          ],
        },
      ],
      notes: "",
      metricIds: ["availability-goal"],
    },
    {
      id: "borderless-dispatch-p1",
      number: 4,
      title: "Gränslös dirigering prio 1 – Antal uppdrag inom och utanför respektive ambulansdistrikt",
      blocks: [
        {
          kind: "table",
          id: "borderless-dispatch-p1-table",
          caption: "Uppdrag per kommun och ambulansdistrikt",
          columns: [
            { key: "municipality", label: "Kommun", align: "left" },
            { key: "d1", label: "1", align: "right", group: "Ambulansdistrikt" },
            { key: "d2", label: "2", align: "right", group: "Ambulansdistrikt" },
            { key: "ext", label: "Externa", align: "right", group: "Ambulansdistrikt" },
            { key: "total", label: "Totalt", align: "right" },
            { key: "own", label: "Andel eget distrikt", align: "right" },
          ],
          rows: [
            {
              kind: "group-heading",
              cells: [
                textCell("Kommundistrikt 1"),
                textCell(""),
                textCell(""),
                textCell(""),
                textCell(""),
                textCell(""),
              ],
            },
            {
              kind: "body",
              cells: [
                textCell("Malmö"),
                numberCell(90, "count", "sv", ["own-district"]),
                numberCell(8, "count", "sv"),
                numberCell(2, "count", "sv"),
                numberCell(100, "count", "sv"),
                numberCell(0.9, "share", "sv"),
              ],
            },
            {
              kind: "body",
              cells: [
                textCell(HOSTILE_NAME),
                numberCell(3, "count", "sv", ["own-district", "suppressed"]),
                numberCell(0, "count", "sv"),
                numberCell(0, "count", "sv"),
                numberCell(3, "count", "sv"),
                numberCell(1, "share", "sv"),
              ],
            },
            {
              kind: "subtotal",
              cells: [
                textCell("Summa kommundistrikt 1", ["total"]),
                numberCell(93, "count", "sv", ["total", "own-district"]),
                numberCell(8, "count", "sv", ["total"]),
                numberCell(2, "count", "sv", ["total"]),
                numberCell(103, "count", "sv", ["total"]),
                numberCell(93 / 103, "share", "sv", ["total"]),
              ],
            },
          ],
          notes: ["Grå celler: uppdrag utförda av kommunens eget ambulansdistrikt."],
        },
      ],
      notes: "",
      metricIds: ["borderless-dispatch"],
    },
    {
      id: "median-response-map",
      number: 5,
      title: "Mediantid larm till framme hämtadress – karta",
      blocks: [
        {
          kind: "map",
          id: "median-response-map",
          title: "Mediantid per kommun",
          description: "Karta: kommunerna färgade efter mediantid från larm till framme.",
          unit: "duration",
          areas: [
            { code: "0001", name: "Norrby", value: 600, text: "10:00", overGoal: false },
            { code: "0002", name: HOSTILE_NAME, value: 1200, text: "20:00", overGoal: true },
          ],
          goal: { value: 1080, label: "Mål 18 min" },
          boundaries: {
            type: "FeatureCollection",
            features: [
              { type: "Feature", properties: { code: "0001", name: "Norrby" }, geometry: square(13, 55.5) },
              {
                type: "Feature",
                properties: { code: "0002", name: "Söderby" },
                geometry: square(13.2, 55.5),
              },
            ],
          },
        },
      ],
      notes: "",
      metricIds: ["median-response"],
    },
    {
      id: "broken-plugin",
      number: 6,
      title: "Plugin som misslyckades",
      blocks: [{ kind: "error", message: 'Måttet "p90" kunde inte beräknas: division by zero' }],
      notes: "",
      metricIds: ["p90"],
    },
  ],
  metrics: {},
  dataQuality: {
    files: [
      {
        file: "missions.csv",
        kind: "missions",
        read: 3000,
        accepted: 2980,
        rejected: 20,
        rejectedByReason: { "invalid-format": 12, "duplicate-id": 8 },
        warnings: { "ambiguous-local-time": 3 },
      },
    ],
    metrics: {},
    period: {
      missions: { inPeriod: 2960, before: 15, after: 5 },
      rescueCases: { inPeriod: 0, before: 0, after: 0 },
    },
    unmatched: {
      stations: [{ name: "<script>alert(1)</script>", missions: 2 }],
      municipalityCodes: [{ code: "0780", missions: 4 }],
    },
  },
}
