import type { Dispatcher } from '@clockhook/dispatcher'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

/**
 * Prometheus metrics (prom-client): the process and Node defaults, deliveries by outcome,
 * attempt latency, the backlog, and HTTP request latency by route.
 */
export function createObservability(dispatcher: Dispatcher) {
  const register = new Registry()
  collectDefaultMetrics({ register })
  const attempts = new Counter({
    name: 'clockhook_delivery_attempts_total',
    help: 'Delivery attempts by outcome',
    labelNames: ['outcome'],
    registers: [register],
  })
  const finals = new Counter({
    name: 'clockhook_deliveries_total',
    help: 'Deliveries that reached a final state, by state',
    labelNames: ['state'],
    registers: [register],
  })
  const attemptSeconds = new Histogram({
    name: 'clockhook_attempt_duration_seconds',
    help: 'Duration of delivery attempts',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [register],
  })
  const disabled = new Counter({
    name: 'clockhook_endpoints_disabled_total',
    help: 'Webhooks disabled automatically, by reason',
    labelNames: ['reason'],
    registers: [register],
  })
  const httpSeconds = new Histogram({
    name: 'clockhook_http_request_duration_seconds',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 30],
    registers: [register],
  })
  // the three backlog gauges share one query per scrape
  let pending: Promise<Awaited<ReturnType<Dispatcher['backlog']>>> | undefined
  const backlog = () => {
    pending ??= dispatcher.backlog().finally(() => {
      pending = undefined
    })
    return pending
  }
  const gauge = (
    name: string,
    help: string,
    pick: (b: Awaited<ReturnType<typeof backlog>>) => number,
  ) =>
    new Gauge({
      name,
      help,
      registers: [register],
      async collect() {
        this.set(pick(await backlog()))
      },
    })
  gauge(
    'clockhook_backlog_due',
    'Deliveries due now to enabled webhooks, not in flight',
    (b) => b.due,
  )
  gauge('clockhook_backlog_scheduled', 'Deliveries waiting for a later retry', (b) => b.scheduled)
  gauge('clockhook_backlog_paused', 'Deliveries held for disabled webhooks', (b) => b.paused)
  gauge('clockhook_deliveries_in_flight', 'Attempts in flight in this process', (b) => b.inFlight)

  dispatcher.on('attempt', ({ attempt }) => {
    attempts.inc({ outcome: attempt.succeeded ? 'success' : (attempt.errorKind ?? 'failure') })
    attemptSeconds.observe(attempt.durationMs / 1000)
  })
  dispatcher.on('delivery.succeeded', () => finals.inc({ state: 'succeeded' }))
  dispatcher.on('delivery.failed', () => finals.inc({ state: 'failed' }))
  dispatcher.on('endpoint.disabled', ({ reason }) => disabled.inc({ reason }))
  return {
    contentType: register.contentType,
    httpRequest(method: string, route: string, status: number, seconds: number) {
      httpSeconds.observe({ method, route, status: String(status) }, seconds)
    },
    render: () => register.metrics(),
  }
}

export type Observability = ReturnType<typeof createObservability>
