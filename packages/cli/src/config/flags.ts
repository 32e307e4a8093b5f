import { Flag } from "effect/cli"

/** The flags that choose the configuration and add plugins, shared by `report` and `metrics`. */
export const configFlags = {
  config: Flag.String("config").pipe(
    Flag.withDescription(
      "deck configuration (ambu.config.json, .mjs or .ts); default: ambu.config.* in the working directory",
    ),
    Flag.optional,
  ),
  plugin: Flag.String("plugin").pipe(
    Flag.withDescription(
      "a plugin to load: a path (./my-plugin.mjs) or a package name; repeat it or separate with commas",
    ),
    Flag.atLeast(0),
  ),
}
