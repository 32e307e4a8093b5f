/** The ambu command's pieces, for tests and for the docs generator. */
export { metricsCommand } from "./commands/metrics.js"
export { DEFAULT_FORMATS, reportCommand } from "./commands/report.js"
export { sampleCommand } from "./commands/sample.js"
export { validateCommand } from "./commands/validate.js"
export { builtinPlugins } from "./run/plugins.js"
export { AMBU_VERSION } from "./version.js"
