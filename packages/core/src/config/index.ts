export {
  applyDeckConfig,
  type ConfiguredRun,
  checkConfiguredTexts,
  type LocalisedText,
  textsInLanguage,
} from "./apply-config.js"
export { ConfigError } from "./config-error.js"
export {
  CONFIG_KEYS,
  type DeckConfig,
  type DeckConfigInput,
  DeckConfigSchema,
  DeckEntryConfig,
  DeckThemeConfig,
  defineConfig,
  FontName,
  HexColour,
  unknownKeys,
} from "./deck-config.js"
export { parseDeckConfig } from "./parse-config.js"
export { checkRendererOptions, type RendererOptions, schemaKeys } from "./renderer-options.js"
