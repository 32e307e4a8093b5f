import { describe, expect, it } from "vitest"
import { xmlProblems } from "./support/xml.js"

describe("the test's XML well-formedness check", () => {
  it("accepts a well-formed part with a declaration, entities and a self-closing tag", () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<a:r x="1 &amp; 2"><a:t>&lt;b&gt; &#228;&#xE4;</a:t><br/></a:r>'
    expect(xmlProblems(xml)).toEqual([])
  })

  it.each([
    ["an unclosed element", "<a><b></a>"],
    ["a stray closing tag", "<a></a></b>"],
    ["a bare ampersand in text", "<a>Tom & Jerry</a>"],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["a bare ampersand in an attribute", '<a x="&"/>'],
    ["an attribute twice", '<a x="1" x="2"/>'],
    ["an unquoted attribute", "<a x=1/>"],
    ["two roots", "<a/><b/>"],
    ["text outside the root", "<a/>text"],
    ["a DOCTYPE", "<!DOCTYPE a><a/>"],
  ])("rejects %s", (_name, xml) => {
    expect(xmlProblems(xml).length).toBeGreaterThan(0)
  })
})
