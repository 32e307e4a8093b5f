#!/usr/bin/env node
// The package index loads every platform module (HTTP client, sockets, workers):
// about a quarter of a second at start-up for two the CLI does not use.
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Command } from "effect/cli"
import * as Effect from "effect/Effect"
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
