import { definePlugin } from "@ambu/core"
import { p90Response } from "./p90-response.js"

export { computeP90, type P90Params, type P90Result, p90Response } from "./p90-response.js"
export { nearestRankPercentile } from "./percentile.js"

/**
 * Adds the metric `p90-response` and puts its slide in the default deck,
 * after the original deck's slides and before the data-quality summary.
 */
export const plugin = definePlugin({
  name: "@ambu/plugin-p90",
  metrics: [p90Response],
  slides: [{ metric: "p90-response" }],
})

export default plugin
