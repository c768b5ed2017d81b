import type { Dispatcher } from '../api'
import { DispatcherError } from '../errors'
import { newId } from '../ids'
import type { NewDelivery, StoredMessage } from '../store/types'
import { checkEventType, checkLimit, checkString, matchesType } from '../validate'
import { messageOf } from '../worker/attempt'
import type { ManagementContext } from './context'
import { asTime, checkId } from './context'

type MessageMethods = Pick<Dispatcher, 'send' | 'listMessages' | 'purge'>

/** Messages: the fan-out of a send, the pull API, retention. */
export function messageMethods(ctx: ManagementContext): MessageMethods {
  const { store, config } = ctx
  return {
    async send(input, options = {}) {
      if (!input || typeof input !== 'object')
        throw new DispatcherError('invalid_argument', 'message is required')
      const type = checkEventType(input.type)
      if (type === 'webhook.test') {
        throw new DispatcherError('invalid_argument', 'webhook.test is reserved for sendTest')
      }
      const now = config.clock.now()
      const id = checkId(input.id ?? newId('msg_'))
      const timestamp = input.timestamp === undefined ? now : asTime(input.timestamp, 'timestamp')
      const tenantId = checkString('tenantId', input.tenantId, 200) ?? ''
      if (input.data === undefined)
        throw new DispatcherError('invalid_argument', 'data is required (use null for none)')
      try {
        JSON.stringify(input.data)
      } catch {
        throw new DispatcherError('invalid_argument', 'data must be JSON-serialisable')
      }
      const message: StoredMessage = {
        id,
        tenantId,
        type,
        timestamp,
        payload: input.data,
        sequence: null,
        isTest: false,
        createdAt: now,
      }
      const endpoints = await store.enabledEndpoints(tenantId, options.trx)
      const deliveries: NewDelivery[] = endpoints
        .filter((e) => matchesType(e.eventTypes, type))
        .map((e) => ({
          id: newId('dlv_'),
          messageId: id,
          endpointId: e.id,
          tenantId,
          eventType: type,
          isTest: false,
          nextAttemptAt: now + (config.retrySchedule[0] ?? 0),
          createdAt: now,
        }))
      await store.insertMessage(message, deliveries, options.trx)
      if (deliveries.length > 0) ctx.wake(options.trx)
      return { messageId: id, deliveryIds: deliveries.map((d) => d.id) }
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
