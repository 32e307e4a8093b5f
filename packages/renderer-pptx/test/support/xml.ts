/**
 * A strict, small XML well-formedness check for the parts of a deck: tags
 * balance, one root, names and attributes are well-formed, no attribute
 * twice, every `&` starts a known entity or a character reference, no `<`
 * in text or attribute values. It returns the problems it finds (empty when
 * the document is well-formed). No DTDs: Office parts never have one.
 */
const NAME = /^[A-Za-z_][\w.\-:]*$/
const ENTITY = /&(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/y

const checkText = (text: string, where: string, problems: string[]): void => {
  for (let index = text.indexOf("&"); index !== -1; index = text.indexOf("&", index + 1)) {
    ENTITY.lastIndex = index
    if (!ENTITY.test(text)) problems.push(`${where}: bare "&" at "${text.slice(index, index + 12)}"`)
  }
  if (text.includes("<")) problems.push(`${where}: "<" in text`)
}

const ATTRIBUTE = /\s+([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/y

const parseTag = (
  body: string,
  where: string,
  problems: string[],
): { name: string; selfClosing: boolean } => {
  const selfClosing = body.endsWith("/")
  const inner = selfClosing ? body.slice(0, -1) : body
  const nameMatch = /^[^\s/>]+/.exec(inner)
  const name = nameMatch?.[0] ?? ""
  if (!NAME.test(name)) problems.push(`${where}: bad element name "${name}"`)

  const seen = new Set<string>()
  let position = name.length
  while (position < inner.length) {
    if (/^\s*$/.test(inner.slice(position))) break
    ATTRIBUTE.lastIndex = position
    const attribute = ATTRIBUTE.exec(inner)
    if (attribute === null) {
      problems.push(
        `${where}: bad attribute syntax in <${name}> at "${inner.slice(position, position + 20)}"`,
      )
      break
    }
    const [, attributeName = "", , double, single] = attribute
    if (!NAME.test(attributeName)) problems.push(`${where}: bad attribute name "${attributeName}"`)
    if (seen.has(attributeName)) problems.push(`${where}: attribute "${attributeName}" twice in <${name}>`)
    seen.add(attributeName)
    checkText(double ?? single ?? "", `${where} <${name} ${attributeName}>`, problems)
    position = ATTRIBUTE.lastIndex
  }
  return { name, selfClosing }
}

export const xmlProblems = (xml: string, where = "xml"): ReadonlyArray<string> => {
  const problems: string[] = []
  const stack: string[] = []
  let roots = 0
  let position = xml.startsWith("\uFEFF") ? 1 : 0

  while (position < xml.length) {
    const open = xml.indexOf("<", position)
    const text = xml.slice(position, open === -1 ? xml.length : open)
    if (stack.length === 0 && text.trim() !== "") problems.push(`${where}: text outside the root element`)
    checkText(text, where, problems)
    if (open === -1) break

    const rest = xml.slice(open)
    const special = [
      ["<!--", "-->"],
      ["<![CDATA[", "]]>"],
      ["<?", "?>"],
    ].find(([start]) => rest.startsWith(start!))
    if (special !== undefined) {
      const end = xml.indexOf(special[1]!, open + special[0]!.length)
      if (end === -1) {
        problems.push(`${where}: unterminated ${special[0]}`)
        break
      }
      position = end + special[1]!.length
      continue
    }
    if (rest.startsWith("<!")) {
      problems.push(`${where}: declaration "${rest.slice(0, 12)}" not allowed`)
      break
    }

    const close = xml.indexOf(">", open)
    if (close === -1) {
      problems.push(`${where}: unterminated tag`)
      break
    }
    const body = xml.slice(open + 1, close)
    position = close + 1
    if (body.startsWith("/")) {
      const name = body.slice(1).trim()
      const expected = stack.pop()
      if (expected !== name) problems.push(`${where}: </${name}> closes <${expected ?? "nothing"}>`)
      continue
    }

    const tag = parseTag(body, where, problems)
    if (stack.length === 0) roots += 1
    if (!tag.selfClosing) stack.push(tag.name)
  }

  if (stack.length > 0) problems.push(`${where}: unclosed <${stack.join("> <")}>`)
  if (roots !== 1) problems.push(`${where}: ${roots} root elements`)
  return problems
}

/** The values of one attribute on every element with this name, in document order. */
export const attributesOf = (xml: string, element: string, attribute: string): ReadonlyArray<string> =>
  [...xml.matchAll(new RegExp(`<${element}\\b[^>]*>`, "g"))].flatMap((match) => {
    const value = new RegExp(`\\s${attribute}="([^"]*)"`).exec(match[0])
    return value === null ? [] : [value[1]!]
  })

/** Text with the five XML entities decoded, for comparing with the model's strings. */
export const decodeEntities = (text: string): string =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")
