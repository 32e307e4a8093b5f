import { existsSync } from "node:fs"
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { RenderError } from "@ambu/core"
import * as Effect from "effect/Effect"
import puppeteer, { type Browser } from "puppeteer-core"

/** Where Debian's `chromium` package puts the browser. */
export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium"

/**
 * The flags Chromium runs with: headless, and quiet on the network (no
 * updates, sync or background fetches). Puppeteer's own defaults are not
 * used, so this list is the whole command line apart from the profile folder
 * and the debugging pipe.
 */
export const CHROMIUM_FLAGS: ReadonlyArray<string> = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--no-default-browser-check",
  "--hide-scrollbars",
  "--mute-audio",
]

export interface ChromiumOptions {
  /** The browser binary; otherwise `AMBU_CHROMIUM`, `CHROMIUM_PATH`, then `/usr/bin/chromium`. */
  readonly chromiumPath?: string
}

/**
 * The Chromium binary to launch, or a RenderError saying how to install
 * one. A browser is never downloaded.
 */
export const resolveChromiumPath = (
  format: string,
  options: ChromiumOptions,
  env: NodeJS.ProcessEnv = process.env,
): Effect.Effect<string, RenderError> => {
  const [source, path] =
    options.chromiumPath !== undefined
      ? ["the chromiumPath option", options.chromiumPath]
      : env.AMBU_CHROMIUM
        ? ["AMBU_CHROMIUM", env.AMBU_CHROMIUM]
        : env.CHROMIUM_PATH
          ? ["CHROMIUM_PATH", env.CHROMIUM_PATH]
          : ["the default path", DEFAULT_CHROMIUM_PATH]

  return existsSync(path)
    ? Effect.succeed(path)
    : Effect.fail(
        new RenderError({
          format,
          message:
            `${format}: no Chromium at ${path} (from ${source}). Install it with ` +
            "`apt-get install chromium`, or point AMBU_CHROMIUM at an installed Chromium.",
        }),
      )
}

/**
 * Runs `use` with a freshly launched headless Chromium and a throwaway
 * profile folder; the browser is closed and the folder removed afterwards,
 * also when `use` fails or is interrupted.
 */
export const withChromium = <A, E>(
  format: string,
  options: ChromiumOptions,
  use: (browser: Browser) => Effect.Effect<A, E>,
): Effect.Effect<A, E | RenderError> =>
  Effect.gen(function* () {
    const executablePath = yield* resolveChromiumPath(format, options)

    return yield* Effect.acquireUseRelease(
      Effect.tryPromise({
        try: () => mkdtemp(join(tmpdir(), "ambu-chromium-")),
        catch: (cause) =>
          new RenderError({ format, message: `${format}: cannot create a browser profile folder`, cause }),
      }),
      (profile) =>
        Effect.acquireUseRelease(
          Effect.tryPromise({
            try: () =>
              puppeteer.launch({
                executablePath,
                ignoreDefaultArgs: true,
                args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`],
                pipe: true,
              }),
            catch: (cause) =>
              new RenderError({
                format,
                message: `${format}: Chromium at ${executablePath} did not start: ${messageOf(cause)}`,
                cause,
              }),
          }),
          use,
          (browser) => Effect.promise(() => browser.close().catch(() => undefined)),
        ),
      (profile) => Effect.promise(() => rm(profile, { recursive: true, force: true }).catch(() => undefined)),
    )
  })

export const messageOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause))
