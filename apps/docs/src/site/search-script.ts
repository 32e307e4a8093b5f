/**
 * The search box's behaviour, inlined in every page so that the site works
 * from a folder or any static server without further requests. It matches
 * page titles, their aliases (a metric's Swedish title and id) and
 * headings, ignoring case and accents (`vantetid` finds "Väntetid").
 */
export const SEARCH_SCRIPT = `(() => {
  const index = JSON.parse(document.getElementById("search-index").textContent)
  const input = document.getElementById("search")
  const results = document.getElementById("search-results")
  const fold = (text) => text.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase()
  const item = (href, text) => {
    const li = document.createElement("li")
    const a = document.createElement("a")
    a.href = href
    a.textContent = text
    li.append(a)
    return li
  }
  input.addEventListener("input", () => {
    const query = fold(input.value.trim())
    results.replaceChildren()
    if (query.length < 2) return
    const hits = []
    for (const page of index) {
      const alias = page.aliases.find((name) => fold(name).includes(query))
      if (fold(page.title).includes(query)) hits.push(item(page.href, page.title))
      else if (alias) hits.push(item(page.href, page.title + " (" + alias + ")"))
      for (const heading of page.headings) {
        if (fold(heading.text).includes(query)) hits.push(item(page.href + "#" + heading.id, heading.text + " (" + page.title + ")"))
      }
    }
    if (hits.length === 0) {
      const none = document.createElement("li")
      none.textContent = "No page or heading matches."
      hits.push(none)
    }
    results.append(...hits.slice(0, 25))
  })
  input.addEventListener("keydown", (event) => {
    const first = results.querySelector("a")
    if (event.key === "Enter" && first) window.location.href = first.href
  })
})()
`
