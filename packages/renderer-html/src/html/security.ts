import { createHash } from "node:crypto"

/** The CSP source for an inline script: `'sha256-…'` of its exact text. */
export const scriptHashSource = (script: string): string =>
  `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`

/**
 * The page's Content-Security-Policy: nothing may load from anywhere, the
 * only script that runs is the page's own (by hash), styles are inline, and
 * images only from `data:` URLs. A `<meta>` CSP cannot express
 * `frame-ancestors`; everything else that matters for a file is here.
 */
export const contentSecurityPolicy = (script: string): string =>
  [
    "default-src 'none'",
    `script-src ${scriptHashSource(script)}`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "font-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ")
