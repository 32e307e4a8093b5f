import { z } from "zod"

/**
 * The report model: the deck as slides of typed blocks, independent of any
 * output format. Every renderer (JSON, HTML, PPTX, plugins) reads only this.
 * Numbers travel twice: as `value` (raw, for machines) and as `text`
 * (formatted in the report's language, for people).
 */
export const REPORT_SCHEMA_VERSION = "1.0.0"

export const Language = z.enum(["sv", "en"])
export type Language = z.infer<typeof Language>

/** How a number is formatted: counts, shares (0–1, shown as percent), durations in seconds. */
export const ValueFormat = z.enum(["count", "share", "duration", "text"])
export type ValueFormat = z.infer<typeof ValueFormat>

/**
 * Marks on a cell:
 * - `own-district`: the resource's district is the municipality's own (grey in the original deck);
 * - `over-goal`: the value misses its goal;
 * - `suppressed`: a small count hidden for publication;
 * - `total`: the cell is a total or subtotal.
 */
export const Emphasis = z.enum(["own-district", "over-goal", "suppressed", "total"])
export type Emphasis = z.infer<typeof Emphasis>

export const Cell = z.object({
  text: z.string(),
  value: z.union([z.number(), z.string(), z.null()]),
  format: ValueFormat,
  emphasis: z.array(Emphasis).optional(),
  /**
   * How many cases or missions a share or median rests on, where the table
   * shows no count of its own for it; small-count suppression reads it.
   */
  basis: z.number().int().nonnegative().optional(),
})
export type Cell = z.infer<typeof Cell>

export const Column = z.object({
  key: z.string(),
  label: z.string(),
  align: z.enum(["left", "right"]),
  /** A spanning header above consecutive columns with the same group. */
  group: z.string().optional(),
})
export type Column = z.infer<typeof Column>

export const RowKind = z.enum(["body", "subtotal", "total", "group-heading"])
export type RowKind = z.infer<typeof RowKind>

export const Row = z.object({
  kind: RowKind,
  /** One cell per column; the first is the row header. */
  cells: z.array(Cell),
})
export type Row = z.infer<typeof Row>

export const TitleBlock = z.object({
  kind: z.literal("title"),
  title: z.string(),
  subtitle: z.string(),
  produced: z.string(),
})

export const TextBlock = z.object({
  kind: z.literal("text"),
  paragraphs: z.array(z.string()),
})

export const TableBlock = z.object({
  kind: z.literal("table"),
  id: z.string(),
  caption: z.string(),
  columns: z.array(Column),
  rows: z.array(Row),
  /** Footnotes such as the goal or the marks' meaning. */
  notes: z.array(z.string()).optional(),
})

export const ChartSeries = z.object({
  name: z.string(),
  values: z.array(z.union([z.number(), z.null()])),
})

export const ChartBlock = z.object({
  kind: z.literal("chart"),
  id: z.string(),
  chartType: z.enum(["bar", "stacked-bar", "grouped-bar", "line"]),
  title: z.string(),
  /** What the chart shows, in one sentence, for screen readers and alt text. */
  description: z.string(),
  unit: z.enum(["count", "share", "duration"]),
  xLabel: z.string(),
  yLabel: z.string(),
  categories: z.array(z.string()),
  series: z.array(ChartSeries),
  goal: z.object({ value: z.number(), label: z.string() }).optional(),
})

export const KeyFiguresBlock = z.object({
  kind: z.literal("key-figures"),
  items: z.array(z.object({ label: z.string(), value: Cell })),
})

/** Municipalities coloured by a value, for the map slide; renderers without maps may show it as a table. */
export const MapBlock = z.object({
  kind: z.literal("map"),
  id: z.string(),
  title: z.string(),
  description: z.string(),
  unit: z.enum(["count", "share", "duration"]),
  areas: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      value: z.union([z.number(), z.null()]),
      text: z.string(),
      overGoal: z.boolean(),
    }),
  ),
  goal: z.object({ value: z.number(), label: z.string() }).optional(),
  /** Boundaries as GeoJSON (WGS84, RFC 7946 winding), `properties.code` matching `areas[].code`. */
  boundaries: z.object({
    type: z.literal("FeatureCollection"),
    features: z.array(
      z.object({
        type: z.literal("Feature"),
        properties: z.object({ code: z.string(), name: z.string().optional() }),
        geometry: z.object({ type: z.string(), coordinates: z.unknown() }),
      }),
    ),
  }),
})

/** A plugin metric that failed: its slide says so instead of losing the report. */
export const ErrorBlock = z.object({
  kind: z.literal("error"),
  message: z.string(),
})

export const Block = z.discriminatedUnion("kind", [
  TitleBlock,
  TextBlock,
  TableBlock,
  ChartBlock,
  KeyFiguresBlock,
  MapBlock,
  ErrorBlock,
])
export type Block = z.infer<typeof Block>
export type TitleBlock = z.infer<typeof TitleBlock>
export type TextBlock = z.infer<typeof TextBlock>
export type TableBlock = z.infer<typeof TableBlock>
export type ChartBlock = z.infer<typeof ChartBlock>
export type KeyFiguresBlock = z.infer<typeof KeyFiguresBlock>
export type MapBlock = z.infer<typeof MapBlock>
export type ErrorBlock = z.infer<typeof ErrorBlock>

export const Slide = z.object({
  /** Stable id, e.g. `waiting-time`, for pages that pick one figure. */
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  blocks: z.array(Block),
  /** The slide's definition and its data-quality account, for speaker notes. */
  notes: z.string(),
  metricIds: z.array(z.string()),
})
export type Slide = z.infer<typeof Slide>

export const MetricQuality = z.object({
  /** What the metric counts: missions, cases or rescue cases. */
  unit: z.enum(["missions", "cases", "rescue-cases"]),
  /** Rows in the metric's population (after its filters). */
  considered: z.number().int(),
  used: z.number().int(),
  leftOut: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  /** Used rows that rest on an ambiguous local time resolved by the contract's rule. */
  ambiguousLocalTimes: z.number().int(),
})
export type MetricQuality = z.infer<typeof MetricQuality>

export const FileQuality = z.object({
  file: z.string(),
  kind: z.enum(["missions", "rescue-cases"]),
  read: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  rejectedByReason: z.record(z.string(), z.number().int()),
  warnings: z.record(z.string(), z.number().int()),
})
export type FileQuality = z.infer<typeof FileQuality>

/** Accepted rows by where their month lies relative to the report period. */
export const PeriodCoverage = z.object({
  inPeriod: z.number().int(),
  before: z.number().int(),
  after: z.number().int(),
})
export type PeriodCoverage = z.infer<typeof PeriodCoverage>

export const DataQuality = z.object({
  files: z.array(FileQuality),
  metrics: z.record(z.string(), MetricQuality),
  /** Where the accepted missions (by local month of dispatch) and rescue cases (of creation) lie. */
  period: z.object({ missions: PeriodCoverage, rescueCases: PeriodCoverage }),
  /**
   * Texts of accepted missions the reference data does not know, most
   * missions first: home stations (counted as external resources) and caller
   * municipality codes (out-of-region callers).
   */
  unmatched: z.object({
    stations: z.array(z.object({ name: z.string(), missions: z.number().int() })),
    municipalityCodes: z.array(z.object({ code: z.string(), missions: z.number().int() })),
  }),
})
export type DataQuality = z.infer<typeof DataQuality>

export const Report = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.object({ name: z.literal("ambu"), version: z.string() }),
  generatedAt: z.string(),
  language: Language,
  region: z.string(),
  timeZone: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  previousPeriod: z.object({ from: z.string(), to: z.string() }).nullable(),
  parameters: z.record(z.string(), z.record(z.string(), z.unknown())),
  slides: z.array(Slide),
  metrics: z.record(z.string(), z.object({ result: z.unknown(), quality: MetricQuality })),
  dataQuality: DataQuality,
})
export type Report = z.infer<typeof Report>
