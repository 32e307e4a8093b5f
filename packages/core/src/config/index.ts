export { applyDeckConfig, type ConfiguredRun, checkConfiguredTexts } from "./apply-config.js"
export { ConfigError } from "./config-error.js"
export {
  CONFIG_KEYS,
  type DeckConfig,
  type DeckConfigInput,
  DeckConfigSchema,
  DeckEntryConfig,
  defineConfig,
} from "./deck-config.js"
export { parseDeckConfig } from "./parse-config.js"
