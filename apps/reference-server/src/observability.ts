import type { Dispatcher } from '@clockhook/dispatcher'
import { Metrics } from './metrics'

/** Prometheus metrics: deliveries by outcome, attempt latency, backlog, HTTP requests. */
export function createObservability(dispatcher: Dispatcher) {
  const metrics = new Metrics()
  const attempts = metrics.counter(
    'clockhook_delivery_attempts_total',
    'Delivery attempts by outcome',
  )
  const finals = metrics.counter(
    'clockhook_deliveries_total',
    'Deliveries that reached a final state, by state',
  )
  const latency = metrics.histogram(
    'clockhook_attempt_duration_seconds',
    'Duration of delivery attempts',
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  )
  const requests = metrics.counter(
    'clockhook_http_requests_total',
    'HTTP requests by method and status',
  )
  const disabled = metrics.counter(
    'clockhook_endpoints_disabled_total',
    'Webhooks disabled automatically, by reason',
  )
  dispatcher.on('attempt', ({ attempt }) => {
    const outcome = attempt.succeeded ? 'success' : (attempt.errorKind ?? 'failure')
    attempts({ outcome })
    latency({}, attempt.durationMs / 1000)
  })
  dispatcher.on('delivery.succeeded', () => finals({ state: 'succeeded' }))
  dispatcher.on('delivery.failed', () => finals({ state: 'failed' }))
  dispatcher.on('endpoint.disabled', ({ reason }) => disabled({ reason }))
  return {
    httpRequest: (method: string, status: number) => requests({ method, status: String(status) }),
    async render(): Promise<string> {
      const backlog = await dispatcher.backlog()
      return metrics.render([
        {
          name: 'clockhook_backlog_due',
          help: 'Deliveries due now and not in flight',
          value: backlog.due,
        },
        {
          name: 'clockhook_backlog_scheduled',
          help: 'Deliveries waiting for a later retry',
          value: backlog.scheduled,
        },
        {
          name: 'clockhook_deliveries_in_flight',
          help: 'Attempts in flight in this process',
          value: backlog.inFlight,
        },
      ])
    },
  }
}

export type Observability = ReturnType<typeof createObservability>
