import { escapeHtml, pre } from "../site/html.js"
import { runCli } from "./run-cli.js"

/** The subcommands the top-level help lists, in its order: new commands appear in the docs by themselves. */
export const subcommandsOf = (topHelp: string): ReadonlyArray<{ readonly name: string; readonly summary: string }> => {
  const lines = topHelp.split("\n")
  const start = lines.findIndex((line) => line.trim() === "SUBCOMMANDS")
  if (start === -1) return []
  const end = lines.findIndex((line, index) => index > start && /^\S/.test(line))
  return lines
    .slice(start + 1, end === -1 ? undefined : end)
    .map((line) => /^\s+(\S+)\s{2,}(.*)$/.exec(line))
    .flatMap((match) => (match === null ? [] : [{ name: match[1]!, summary: match[2]!.trim() }]))
}

// effect/cli's help colours text; the docs want the plain words.
const plain = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, "")

/** The CLI reference: `ambu --help` and each subcommand's `--help`, as the built CLI prints them. */
export const cliHelpSection = (): string => {
  const top = plain(runCli(["--help"]))
  const commands = subcommandsOf(top)
  if (commands.length === 0) throw new Error("docs: found no SUBCOMMANDS in `ambu --help`; has its layout changed?")

  const parts = [`<h2 id="ambu">ambu</h2>`, pre(top.trimEnd(), "text")]
  for (const command of commands) {
    const help = plain(runCli([command.name, "--help"]))
    parts.push(
      `<h2 id="command-${escapeHtml(command.name)}">ambu ${escapeHtml(command.name)}</h2>`,
      `<p>${escapeHtml(command.summary)}</p>`,
      pre(help.trimEnd(), "text"),
    )
  }
  return parts.join("\n")
}
