import type { Dispatcher, SendInput } from '../api'
import { DispatcherError } from '../errors'
import { newId } from '../ids'
import type { NewDelivery, StoredEndpoint, StoredMessage } from '../store/types'
import { checkEventType, checkLimit, checkString, matchesType } from '../validate'
import { messageOf } from '../worker/attempt'
import type { ManagementContext } from './context'
import { asTime, checkId } from './context'

type MessageMethods = Pick<Dispatcher, 'send' | 'sendMany' | 'listMessages' | 'purge'>

/** Messages: the fan-out of a send, the pull API, retention. */
export function messageMethods(ctx: ManagementContext): MessageMethods {
  const { store, config } = ctx

  /** A checked message, ready to store. */
  const toStoredMessage = (input: SendInput, now: number): StoredMessage => {
    if (!input || typeof input !== 'object')
      throw new DispatcherError('invalid_argument', 'message is required')
    const type = checkEventType(input.type)
    if (type === 'webhook.test') {
      throw new DispatcherError('invalid_argument', 'webhook.test is reserved for sendTest')
    }
    const timestamp = input.timestamp === undefined ? now : asTime(input.timestamp, 'timestamp')
    if (input.data === undefined)
      throw new DispatcherError('invalid_argument', 'data is required (use null for none)')
    try {
      JSON.stringify(input.data)
    } catch {
      throw new DispatcherError('invalid_argument', 'data must be JSON-serialisable')
    }
    return {
      id: checkId(input.id ?? newId('msg_')),
      tenantId: checkString('tenantId', input.tenantId, 200) ?? '',
      type,
      timestamp,
      payload: input.data,
      sequence: null,
      isTest: false,
      createdAt: now,
    }
  }

  /** One delivery per enabled endpoint of the tenant that takes the type. */
  const fanOut = (message: StoredMessage, endpoints: StoredEndpoint[]): NewDelivery[] =>
    endpoints
      .filter((e) => matchesType(e.eventTypes, message.type))
      .map((e) => ({
        id: newId('dlv_'),
        messageId: message.id,
        endpointId: e.id,
        tenantId: message.tenantId,
        eventType: message.type,
        isTest: false,
        nextAttemptAt: message.createdAt + (config.retrySchedule[0] ?? 0),
        createdAt: message.createdAt,
      }))

  return {
    async send(input, options = {}) {
      const now = config.clock.now()
      const message = toStoredMessage(input, now)
      const deliveries = fanOut(
        message,
        await store.enabledEndpoints(message.tenantId, options.trx),
      )
      await store.insertMessage(message, deliveries, options.trx)
      if (deliveries.length > 0) ctx.wake(options.trx)
      return { messageId: message.id, deliveryIds: deliveries.map((d) => d.id) }
    },

    async sendMany(inputs, options = {}) {
      if (!Array.isArray(inputs))
        throw new DispatcherError('invalid_argument', 'sendMany takes an array of messages')
      const now = config.clock.now()
      // every message is checked before anything is written: all are stored, or none
      const messages = inputs.map((input, i) => {
        try {
          return toStoredMessage(input, now)
        } catch (err) {
          if (err instanceof DispatcherError)
            throw new DispatcherError(err.code, `messages[${i}]: ${err.message}`)
          throw err
        }
      })
      const endpoints = new Map<string, StoredEndpoint[]>()
      for (const tenantId of new Set(messages.map((m) => m.tenantId)))
        endpoints.set(tenantId, await store.enabledEndpoints(tenantId, options.trx))
      const batch = messages.map((message) => ({
        message,
        deliveries: fanOut(message, endpoints.get(message.tenantId)!),
      }))
      await store.insertMessages(batch, options.trx)
      if (batch.some((b) => b.deliveries.length > 0)) ctx.wake(options.trx)
      return batch.map((b) => ({
        messageId: b.message.id,
        deliveryIds: b.deliveries.map((d) => d.id),
      }))
    },

    async listMessages(query = {}) {
      const limit = checkLimit(query.limit, 100, 1000)
      const after =
        query.after === undefined || query.after === null || query.after === ''
          ? 0
          : Number(query.after)
      if (!Number.isSafeInteger(after) || after < 0)
        throw new DispatcherError('invalid_argument', 'after must be a cursor from next_cursor')
      const types = query.types?.map(checkEventType)
      await store.sequenceMessages()
      const rows = await store.listMessages({
        tenantId: query.tenantId,
        afterSequence: after,
        types,
        limit: limit + 1,
      })
      const data = rows.slice(0, limit).map(messageOf)
      const last = data[data.length - 1]
      return { data, hasMore: rows.length > limit, nextCursor: String(last?.sequence ?? after) }
    },

    async purge({ olderThan, tenantId }) {
      return store.purge(asTime(olderThan, 'olderThan'), tenantId)
    },
  }
}
