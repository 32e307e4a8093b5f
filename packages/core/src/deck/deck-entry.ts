/**
 * One entry of a deck: a built-in slide (the title, the data-quality
 * summary) or a metric shown in one of its views. A metric entry may give
 * several slides (a long station list, segment times per district pair).
 */
export type DeckEntry =
  | { readonly builtin: "title" | "data-quality" }
  | {
      readonly metric: string
      /**
       * Key of this metric run in the JSON's `parameters` and `metrics`;
       * defaults to the metric id. Needed when one metric runs twice with
       * different parameters.
       */
      readonly key?: string
      readonly params?: Readonly<Record<string, unknown>>
      readonly view?: string
    }

/** The original deck's 14 slides in order, then the map and the data-quality summary. */
export const DEFAULT_DECK: ReadonlyArray<DeckEntry> = [
  { builtin: "title" },
  { metric: "missions-per-month" },
  { metric: "missions-per-station" },
  { metric: "waiting-time" },
  { metric: "availability-goal" },
  { metric: "start-interval" },
  { metric: "borderless-dispatch", key: "borderless-dispatch-p1", params: { priority: 1 } },
  { metric: "borderless-dispatch", key: "borderless-dispatch-p2", params: { priority: 2 } },
  { metric: "borderless-dispatch", key: "borderless-dispatch-p3", params: { priority: 3 } },
  { metric: "segment-times" },
  { metric: "median-response" },
  { metric: "rescue-assists" },
  { metric: "median-response", view: "map" },
  { builtin: "data-quality" },
]
