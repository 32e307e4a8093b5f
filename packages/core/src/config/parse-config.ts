import * as Effect from "effect/Effect"
import { z } from "zod"
import { ConfigError } from "./config-error.js"
import { type DeckConfig, DeckConfigSchema } from "./deck-config.js"

/**
 * Checks a loaded configuration's shape. `file` names it in the message,
 * which lists every problem with the key it sits at.
 */
export const parseDeckConfig = (value: unknown, file: string): Effect.Effect<DeckConfig, ConfigError> => {
  const parsed = DeckConfigSchema.safeParse(value)
  if (parsed.success) return Effect.succeed(parsed.data)
  return Effect.fail(
    new ConfigError({
      file,
      message: `${file} is not a valid ambu configuration:\n${z.prettifyError(parsed.error)}`,
    }),
  )
}
