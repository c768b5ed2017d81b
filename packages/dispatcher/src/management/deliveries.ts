import type { DeliveryDetail, Dispatcher, Scope } from '../api'
import { DispatcherError } from '../errors'
import { newId } from '../ids'
import type { AttemptOutcome, ClaimedDelivery, StoredMessage } from '../store/types'
import type { AttemptTrigger } from '../types'
import { checkLimit, matchesType } from '../validate'
import { messageOf } from '../worker/attempt'
import type { ManagementContext } from './context'
import { asTime, loadEndpoint, MAX_PAGE, pageOf } from './context'

const STATUSES = ['pending', 'succeeded', 'retrying', 'failed']
const RECOVER_BATCH = 500

type DeliveryMethods = Pick<
  Dispatcher,
  'sendTest' | 'resend' | 'recover' | 'listDeliveries' | 'getDelivery' | 'backlog'
>

export interface DeliveryContext extends ManagementContext {
  /** One attempt now, outside the loop (test sends). */
  attempt(claim: ClaimedDelivery, trigger: AttemptTrigger): Promise<AttemptOutcome | undefined>
  recordNow(outcome: AttemptOutcome, claim: ClaimedDelivery): Promise<void>
  /** This process's worker while it runs. */
  workerId(): string | undefined
  inFlight(): number
}

/** Deliveries: test sends, resends, recovery, and reading them with their attempts. */
export function deliveryMethods(ctx: DeliveryContext): DeliveryMethods {
  const { store, config } = ctx

  async function detail(deliveryId: string, scope?: Scope): Promise<DeliveryDetail> {
    const delivery =
      typeof deliveryId === 'string' ? await store.getDelivery(deliveryId) : undefined
    if (!delivery || (scope?.tenantId !== undefined && delivery.tenantId !== scope.tenantId)) {
      throw new DispatcherError('not_found', `no delivery ${String(deliveryId).slice(0, 64)}`)
    }
    const [message, attempts] = await Promise.all([
      store.getMessage(delivery.messageId),
      store.listAttempts(delivery.id),
    ])
    return { delivery, message: messageOf(message!), attempts }
  }

  return {
    async sendTest(endpointId, options = {}) {
      const endpoint = await loadEndpoint(store, endpointId, options)
      const now = config.clock.now()
      const message: StoredMessage = {
        id: newId('msg_'),
        tenantId: endpoint.tenantId,
        type: 'webhook.test',
        timestamp: now,
        payload: options.data ?? {
          endpoint_id: endpoint.id,
          message: 'This is a test webhook from Clockhook.',
        },
        sequence: null,
        isTest: true,
        createdAt: now,
      }
      const deliveryId = newId('dlv_')
      await store.insertMessage(message, [
        {
          id: deliveryId,
          messageId: message.id,
          endpointId: endpoint.id,
          tenantId: endpoint.tenantId,
          eventType: message.type,
          isTest: true,
          nextAttemptAt: now + config.leaseMs,
          createdAt: now,
        },
      ])
      const claim = await store.claimDelivery(deliveryId, now, config.leaseMs, ctx.workerId())
      if (!claim)
        throw new DispatcherError('conflict', 'the test delivery was taken by another worker')
      const outcome = await ctx.attempt({ ...claim, endpoint }, 'test')
      if (!outcome) {
        await store.release([{ deliveryId, leaseToken: claim.leaseToken, nextAttemptAt: now }])
        throw new DispatcherError('stopped', 'the dispatcher stopped during the test send')
      }
      await ctx.recordNow(outcome, claim)
      return detail(deliveryId)
    },

    async resend(deliveryId, options = {}) {
      const delivery =
        typeof deliveryId === 'string'
          ? await store.getDelivery(deliveryId, options.trx)
          : undefined
      if (!delivery || (options.tenantId !== undefined && delivery.tenantId !== options.tenantId)) {
        throw new DispatcherError('not_found', `no delivery ${String(deliveryId).slice(0, 64)}`)
      }
      const result = await store.requeue(delivery.id, config.clock.now(), options.trx)
      if (result === 'in_flight') {
        throw new DispatcherError(
          'conflict',
          'the delivery is being attempted right now; try again when it finishes',
        )
      }
      ctx.wake(options.trx)
      return (await store.getDelivery(delivery.id, options.trx))!
    },

    async recover(endpointId, options) {
      const endpoint = await loadEndpoint(store, endpointId, options)
      const since = asTime(options?.since as Date | number, 'since')
      const now = config.clock.now()
      const trx = options.trx
      const requeued = await store.requeueFailed(endpoint.id, since, now, trx)
      // An endpoint receives the messages sent from its creation on, not older ones.
      const from = Math.max(since, endpoint.createdAt)
      let created = 0
      for (;;) {
        const missing = await store.listMessagesWithoutDelivery(
          {
            endpointId: endpoint.id,
            tenantId: endpoint.tenantId,
            since: from,
            types: endpoint.eventTypes,
            limit: RECOVER_BATCH,
          },
          trx,
        )
        const wanted = missing.filter((m) => matchesType(endpoint.eventTypes, m.type))
        if (wanted.length > 0) {
          await store.insertDeliveries(
            wanted.map((m) => ({
              id: newId('dlv_'),
              messageId: m.id,
              endpointId: endpoint.id,
              tenantId: endpoint.tenantId,
              eventType: m.type,
              isTest: false,
              nextAttemptAt: now,
              createdAt: now,
            })),
            trx,
          )
          created += wanted.length
        }
        if (missing.length < RECOVER_BATCH) break
      }
      ctx.wake(trx)
      return { requeued, created }
    },

    async listDeliveries(endpointId, query = {}) {
      const endpoint = await loadEndpoint(store, endpointId, query)
      const limit = checkLimit(query.limit, 50, MAX_PAGE)
      if (query.status !== undefined && !STATUSES.includes(query.status)) {
        throw new DispatcherError(
          'invalid_argument',
          `status must be one of ${STATUSES.join(', ')}`,
        )
      }
      const rows = await store.listDeliveries({
        endpointId: endpoint.id,
        status: query.status,
        limit: limit + 1,
        beforeId: query.cursor ?? undefined,
      })
      return pageOf(rows, limit)
    },

    getDelivery: detail,

    async backlog() {
      return { ...(await store.backlog(config.clock.now())), inFlight: ctx.inFlight() }
    },
  }
}
