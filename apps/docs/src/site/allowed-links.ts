/**
 * External addresses the site may link to: sources the docs cite. Anything
 * else external fails the link check, so the site never makes a request of
 * its own and never sends a reader somewhere unexpected.
 */
export const ALLOWED_EXTERNAL_LINKS: ReadonlyArray<string> = [
  "https://www.iana.org/time-zones",
  "https://json-schema.org/",
  "https://www.scb.se/",
  "https://datatracker.ietf.org/doc/html/rfc7946",
]
