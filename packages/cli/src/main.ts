#!/usr/bin/env node
import { NodeRuntime, NodeServices } from "@effect/platform-node"
import { Effect } from "effect"
import { Command } from "effect/cli"
import { metricsCommand } from "./commands/metrics.js"
import { reportCommand } from "./commands/report.js"
import { sampleCommand } from "./commands/sample.js"
import { validateCommand } from "./commands/validate.js"
import { AMBU_VERSION } from "./version.js"

const ambu = Command.make("ambu").pipe(
  Command.withDescription(
    "ambu turns a dispatch centre's ambulance mission export into the region's follow-up report (Ambulansuppföljning).",
  ),
  Command.withSubcommands([reportCommand, validateCommand, sampleCommand, metricsCommand]),
)

Command.run(ambu, { version: AMBU_VERSION }).pipe(Effect.provide(NodeServices.layer), NodeRuntime.runMain)
