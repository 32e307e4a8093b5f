import { BUILTIN_METRICS } from "./metrics/builtin/index.js"
import { jsonRenderer } from "./output/json.js"
import { definePlugin } from "./plugin/plugin.js"

/**
 * Core's own plugin: the metrics of the original deck and the JSON output.
 * It is registered like any other plugin, so a plugin cannot quietly
 * replace a built-in metric: a clash is an error.
 */
export const corePlugin = definePlugin({
  name: "@ambu/core",
  metrics: BUILTIN_METRICS,
  renderers: [jsonRenderer],
})
