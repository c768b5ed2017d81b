#!/usr/bin/env node
// Every .changeset/*.md must open with front matter naming workspace packages and a bump
// (`"@clockhook/x": minor`), as `changeset version` reads it; a formatter that rewrote the
// front matter into a heading would otherwise drop the release notes silently.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const names = new Set()
for (const group of ['packages', 'apps', 'examples']) {
  if (!existsSync(group)) continue
  for (const dir of readdirSync(group)) {
    const manifest = join(group, dir, 'package.json')
    if (existsSync(manifest)) names.add(JSON.parse(readFileSync(manifest, 'utf8')).name)
  }
}
const problems = []
for (const file of readdirSync('.changeset').filter(
  (f) => f.endsWith('.md') && f !== 'README.md',
)) {
  const text = readFileSync(join('.changeset', file), 'utf8')
  const match = /^---\n([\s\S]*?)\n---\n\s*\S/.exec(text)
  if (!match) {
    problems.push(`${file}: no front matter followed by a summary`)
    continue
  }
  for (const line of match[1].split('\n').filter((l) => l.trim())) {
    const entry = /^"([^"]+)": (major|minor|patch)$/.exec(line.trim())
    if (!entry) problems.push(`${file}: "${line}" is not "<package>": major|minor|patch`)
    else if (!names.has(entry[1])) problems.push(`${file}: no workspace package ${entry[1]}`)
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'))
  process.exit(1)
}
console.log('changesets: front matter valid')
