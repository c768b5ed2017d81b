/** A small Prometheus text-format registry: counters and one histogram, no dependency. */
type Labels = Record<string, string>

const key = (labels: Labels) =>
  Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
    .join(',')

export class Metrics {
  readonly #counters = new Map<string, { help: string; values: Map<string, number> }>()
  readonly #histograms = new Map<
    string,
    { help: string; buckets: number[]; counts: Map<string, number[]>; sums: Map<string, number> }
  >()

  counter(name: string, help: string): (labels: Labels, by?: number) => void {
    const c = { help, values: new Map<string, number>() }
    this.#counters.set(name, c)
    return (labels, by = 1) => {
      const k = key(labels)
      c.values.set(k, (c.values.get(k) ?? 0) + by)
    }
  }

  histogram(
    name: string,
    help: string,
    buckets: number[],
  ): (labels: Labels, value: number) => void {
    const h = {
      help,
      buckets,
      counts: new Map<string, number[]>(),
      sums: new Map<string, number>(),
    }
    this.#histograms.set(name, h)
    return (labels, value) => {
      const k = key(labels)
      const counts = h.counts.get(k) ?? new Array(buckets.length + 1).fill(0)
      for (let i = 0; i < buckets.length; i++) if (value <= buckets[i]!) counts[i]++
      counts[buckets.length]++
      h.counts.set(k, counts)
      h.sums.set(k, (h.sums.get(k) ?? 0) + value)
    }
  }

  /** The exposition text; `gauges` are read at scrape time. */
  render(gauges: Array<{ name: string; help: string; value: number }>): string {
    const lines: string[] = []
    for (const [name, c] of this.#counters) {
      lines.push(`# HELP ${name} ${c.help}`, `# TYPE ${name} counter`)
      for (const [k, v] of c.values) lines.push(`${name}${k ? `{${k}}` : ''} ${v}`)
    }
    for (const [name, h] of this.#histograms) {
      lines.push(`# HELP ${name} ${h.help}`, `# TYPE ${name} histogram`)
      for (const [k, counts] of h.counts) {
        const prefix = k ? `${k},` : ''
        for (const [i, b] of h.buckets.entries())
          lines.push(`${name}_bucket{${prefix}le="${b}"} ${counts[i]}`)
        lines.push(`${name}_bucket{${prefix}le="+Inf"} ${counts[h.buckets.length]}`)
        lines.push(
          `${name}_sum${k ? `{${k}}` : ''} ${h.sums.get(k)}`,
          `${name}_count${k ? `{${k}}` : ''} ${counts[h.buckets.length]}`,
        )
      }
    }
    for (const g of gauges)
      lines.push(`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`, `${g.name} ${g.value}`)
    return `${lines.join('\n')}\n`
  }
}
