import { describe, expectTypeOf, it } from 'vitest'
import {
  type ClockhookEventsV1,
  type ClockhookEventsV2,
  type ClockhookEventType,
  createReceiver,
  type EventOf,
  type WebhookEvent,
} from '../src/index'
import { generateSecret } from './sign'

const secret = generateSecret()

describe('event typing', () => {
  it('narrows .on handlers to the event types given', () => {
    createReceiver<ClockhookEventsV1>({ secret })
      .on('clock.out', (event) => {
        expectTypeOf(event.type).toEqualTypeOf<'clock.out'>()
        expectTypeOf(event.data.total_minutes).toEqualTypeOf<number>()
        expectTypeOf(event.data.location_id).toEqualTypeOf<string | null>()
      })
      .on(['worker.created', 'worker.deleted'], (event) => {
        expectTypeOf(event.type).toEqualTypeOf<'worker.created' | 'worker.deleted'>()
        expectTypeOf(event.data.worker_id).toEqualTypeOf<string>()
      })
      .onAny((event) => {
        expectTypeOf(event.type).toEqualTypeOf<ClockhookEventType>()
        if (event.type === 'worker.updated') {
          expectTypeOf(event.data.changed_fields).toEqualTypeOf<string[]>()
        }
      })
  })

  it('types payload version 2 with the grouped worker', () => {
    createReceiver<ClockhookEventsV2>({ secret }).on('clock.in', (event) => {
      expectTypeOf(event.data.worker).toEqualTypeOf<{ id: string; name: string }>()
    })
  })

  it('types a union of both versions by default', () => {
    createReceiver({ secret }).on('clock.in', (event) => {
      if ('worker' in event.data) expectTypeOf(event.data.worker.name).toBeString()
      else expectTypeOf(event.data.worker_name).toBeString()
    })
  })

  it('accepts a user-supplied event map and refuses unknown types', () => {
    type Billing = { 'invoice.paid': { invoice_id: string; cents: number } }
    createReceiver<Billing>({ secret }).on('invoice.paid', (event) => {
      expectTypeOf(event).toEqualTypeOf<WebhookEvent<'invoice.paid', Billing['invoice.paid']>>()
    })
    // @ts-expect-error not an event of the map
    createReceiver<Billing>({ secret }).on('clock.in', () => {})
    // @ts-expect-error not a Clockhook event type
    createReceiver({ secret }).on('clock.nope', () => {})
    expectTypeOf<EventOf<Billing>['id']>().toEqualTypeOf<string>()
  })
})
