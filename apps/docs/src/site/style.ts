/** The site's one style sheet, written to `assets/site.css`. System fonts only: no font downloads. */
export const SITE_CSS = `:root {
  --accent: #00507a;
  --text: #1d2329;
  --muted: #5b6670;
  --line: #d8dde2;
  --soft: #f3f6f8;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: var(--text);
  line-height: 1.55;
}
* { box-sizing: border-box; }
body { margin: 0; display: grid; grid-template-columns: 17rem minmax(0, 1fr); min-height: 100vh; }
nav.sidebar { background: var(--soft); border-right: 1px solid var(--line); padding: 1rem; position: sticky; top: 0;
  height: 100vh; overflow-y: auto; font-size: 0.92rem; }
nav.sidebar .brand { font-weight: 700; font-size: 1.2rem; color: var(--accent); text-decoration: none; }
nav.sidebar ul { list-style: none; padding-left: 0; margin: 0.3rem 0; }
nav.sidebar ul ul { padding-left: 0.9rem; }
nav.sidebar li { margin: 0.15rem 0; }
nav.sidebar a { color: var(--text); text-decoration: none; }
nav.sidebar a:hover { text-decoration: underline; }
nav.sidebar a[aria-current="page"] { font-weight: 700; color: var(--accent); }
nav.sidebar .on-page a { color: var(--muted); }
#search { width: 100%; padding: 0.35rem 0.5rem; margin: 0.8rem 0 0.3rem; border: 1px solid var(--line); border-radius: 4px; }
#search-results { margin-bottom: 0.8rem; }
#search-results li { padding: 0.1rem 0; border-bottom: 1px dotted var(--line); }
main { padding: 1.5rem 2.5rem 4rem; max-width: 62rem; }
h1 { color: var(--accent); margin-top: 0.4rem; }
h2 { border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; margin-top: 2rem; }
a { color: var(--accent); }
code { background: var(--soft); padding: 0.05rem 0.25rem; border-radius: 3px; font-size: 0.92em; }
pre { background: #f6f8fa; border: 1px solid var(--line); padding: 0.8rem; overflow-x: auto; font-size: 0.85rem; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.92rem; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.55rem; text-align: left; vertical-align: top; }
th { background: var(--soft); }
blockquote { border-left: 4px solid var(--line); margin: 0.8rem 0; padding: 0.1rem 1rem; color: var(--muted); }
.repo-path { font-family: ui-monospace, monospace; font-size: 0.92em; }
.note { background: #fff8e1; border: 1px solid #f0d98c; padding: 0.6rem 0.9rem; border-radius: 4px; }
.sample-frame { width: 100%; height: 80vh; border: 1px solid var(--line); }
.subtitle { color: var(--muted); margin-top: -0.6rem; }
@media (max-width: 50rem) {
  body { display: block; }
  nav.sidebar { position: static; height: auto; border-right: none; border-bottom: 1px solid var(--line); }
  main { padding: 1rem; }
}
`
