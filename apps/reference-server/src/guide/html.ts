import type { Block, Guide } from './content'

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Text with `inline code` between backticks, escaped. */
const inline = (text: string) =>
  text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join('')

function block(b: Block): string {
  switch (b.kind) {
    case 'p':
      return `<p>${inline(b.text)}</p>`
    case 'h3':
      return `<h3>${inline(b.text)}</h3>`
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`
    case 'code':
      return `<figure class="code"><figcaption>${escapeHtml(b.title)}</figcaption><pre><code>${escapeHtml(b.code)}</code></pre></figure>`
    case 'table':
      return `<div class="table"><table><thead><tr>${b.head.map((h) => `<th scope="col">${inline(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table></div>`
  }
}

const CSS = `
:root { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f24; line-height: 1.5; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f6f8; }
header { background: #16324f; color: #fff; padding: 1.5rem 1.25rem; }
header .inner, main { max-width: 60rem; margin: 0 auto; }
header h1 { margin: 0 0 .3rem; font-size: 1.7rem; }
header p { margin: 0; opacity: .9; }
header a { color: #fff; }
main { padding: 1rem 1.25rem 4rem; }
nav ol { columns: 2; padding-left: 1.2rem; }
section { background: #fff; border: 1px solid #d5dbe1; border-radius: 8px; padding: .5rem 1.25rem 1rem; margin: 1.25rem 0; }
h2 { font-size: 1.3rem; } h3 { font-size: 1.05rem; margin-top: 1.4rem; }
code { font-family: ui-monospace, monospace; font-size: .88em; background: #eef1f4; padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
figure.code { margin: .8rem 0; }
figure.code figcaption { font-size: .85rem; color: #56636f; margin-bottom: .2rem; }
pre { background: #0f1b27; color: #e6edf3; padding: .8rem; border-radius: 6px; overflow: auto; font-size: .82rem; line-height: 1.45; }
pre code { background: none; padding: 0; color: inherit; overflow-wrap: normal; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; border-bottom: 1px solid #e3e7eb; padding: .35rem .5rem; vertical-align: top; }
th { background: #f4f6f8; }
a:focus-visible { outline: 3px solid #f0b400; }
@media (max-width: 640px) { nav ol { columns: 1; } main { padding: .5rem .75rem 3rem; } section { padding: .25rem .8rem .8rem; } }
@media print { body { background: #fff; } section { border: none; } pre { white-space: pre-wrap; } }
`

/** The guide as one self-contained HTML page (no script, no external asset). */
export function guideHtml(guide: Guide): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(guide.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><div class="inner"><h1>${escapeHtml(guide.title)}</h1><p>${inline(guide.subtitle)}</p><p><a href="/guide.pdf" download="clockhook-integration-guide.pdf">Download as PDF</a></p></div></header>
<main>
<nav aria-label="Contents"><h2>Contents</h2><ol>${guide.sections
    .map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title.replace(/^\d+\.\s*/, ''))}</a></li>`)
    .join('')}</ol></nav>
${guide.sections
  .map(
    (s) =>
      `<section id="${s.id}" aria-labelledby="h-${s.id}"><h2 id="h-${s.id}">${escapeHtml(s.title)}</h2>${s.blocks.map(block).join('\n')}</section>`,
  )
  .join('\n')}
</main>
</body>
</html>`
}
