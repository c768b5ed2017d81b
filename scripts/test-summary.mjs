#!/usr/bin/env node
// Sums the vitest JSON reports of every workspace package into one closing line.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

let passed = 0
let failed = 0
let skipped = 0
const missing = []
// Package folders: every folder under packages/ and apps/, and the root-level bench/.
const dirs = ['bench']
for (const group of ['packages', 'apps']) {
  if (existsSync(group)) for (const name of readdirSync(group)) dirs.push(join(group, name))
}
for (const dir of dirs) {
  const manifest = join(dir, 'package.json')
  if (!existsSync(manifest)) continue
  if (!JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test) continue
  const report = join(dir, '.vitest-report.json')
  if (!existsSync(report)) {
    missing.push(dir)
    continue
  }
  const r = JSON.parse(readFileSync(report, 'utf8'))
  passed += r.numPassedTests
  failed += r.numFailedTests
  skipped += r.numPendingTests + r.numTodoTests
}
if (missing.length > 0) console.log(`no test report from: ${missing.join(', ')}`)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || missing.length > 0 || passed === 0 ? 1 : 0)
