// Preloaded with NODE_OPTIONS=--import=<this file>: every way out to the network records the
// attempt to $AMBU_NETWORK_LOG and throws, so a test can tell whether a run tried to go online.

import dns from "node:dns"
import { appendFileSync } from "node:fs"
import http from "node:http"
import https from "node:https"
import net from "node:net"

const log = process.env.AMBU_NETWORK_LOG

const refuse = (what) =>
  function refused(...args) {
    const target = args
      .filter((a) => typeof a === "string" || typeof a === "number" || (a && typeof a === "object"))
      .map((a) =>
        typeof a === "object"
          ? JSON.stringify(a, (_k, v) => (typeof v === "function" ? undefined : v))
          : String(a),
      )
      .join(" ")
    if (log) appendFileSync(log, `${what} ${target}\n`)
    throw new Error(`network access refused in this test: ${what} ${target}`)
  }

net.Socket.prototype.connect = refuse("net.Socket.connect")
dns.lookup = refuse("dns.lookup")
dns.promises.lookup = refuse("dns.promises.lookup")
http.request = refuse("http.request")
http.get = refuse("http.get")
https.request = refuse("https.request")
https.get = refuse("https.get")
globalThis.fetch = refuse("fetch")
