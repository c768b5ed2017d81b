// Re-renders bench/RESULTS.md and bench/chart.svg from bench/results.json (after a change
// to the report's layout), without running the benchmark again.
import { readFileSync, writeFileSync } from 'node:fs'
import { renderChart, renderMarkdown } from './report.ts'
import type { Results } from './run.ts'

const dir = new URL('../', import.meta.url).pathname
const results = JSON.parse(readFileSync(`${dir}results.json`, 'utf8')) as Results
writeFileSync(`${dir}chart.svg`, renderChart(results))
writeFileSync(`${dir}RESULTS.md`, renderMarkdown(results))
console.log('wrote bench/RESULTS.md and bench/chart.svg from bench/results.json')
