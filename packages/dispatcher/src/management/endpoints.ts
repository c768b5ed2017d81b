import { generateSecret } from '@clockhook/signer'
import type { Dispatcher } from '../api'
import { DispatcherError } from '../errors'
import { newId } from '../ids'
import { DAY } from '../options'
import { checkSecret, publicEndpoint } from '../secrets'
import type { StoredEndpoint } from '../store/types'
import {
  checkEventTypes,
  checkHeaders,
  checkLimit,
  checkMetadata,
  checkPositive,
  checkString,
  checkUrl,
} from '../validate'
import type { ManagementContext } from './context'
import { checkId, loadEndpoint, MAX_PAGE, pageOf } from './context'

type EndpointMethods = Pick<
  Dispatcher,
  | 'createEndpoint'
  | 'updateEndpoint'
  | 'deleteEndpoint'
  | 'getEndpoint'
  | 'listEndpoints'
  | 'getEndpointHeaders'
  | 'getEndpointSecrets'
  | 'rotateSecret'
  | 'endpointHealth'
>

/** Endpoints: where to POST which events, their secrets and their health. */
export function endpointMethods(ctx: ManagementContext): EndpointMethods {
  const { store, config, secrets, policy } = ctx
  return {
    async createEndpoint(input, options = {}) {
      if (!input || typeof input !== 'object')
        throw new DispatcherError('invalid_argument', 'endpoint input is required')
      const now = config.clock.now()
      const secret = input.secret === undefined ? generateSecret() : checkSecret(input.secret)
      const id = checkId(input.id ?? newId('ep_'))
      const endpoint: StoredEndpoint = {
        id,
        tenantId: checkString('tenantId', input.tenantId, 200) ?? '',
        url: checkUrl(input.url, policy),
        description: checkString('description', input.description, 2000),
        secrets: [{ secret: secrets.seal(secret), expiresAt: null }],
        eventTypes: checkEventTypes(input.eventTypes),
        enabled: input.enabled ?? true,
        disabledReason: null,
        version: checkPositive('version', input.version, true),
        headers: secrets.sealHeaders(checkHeaders(input.headers)),
        rateLimitPerSecond: checkPositive('rateLimitPerSecond', input.rateLimitPerSecond, false),
        maxConcurrency: checkPositive('maxConcurrency', input.maxConcurrency, true),
        ordered: input.ordered ?? false,
        timeoutMs: checkPositive('timeoutMs', input.timeoutMs, true),
        metadata: checkMetadata(input.metadata),
        failingSince: null,
        createdAt: now,
        updatedAt: now,
      }
      if (input.id !== undefined && (await store.getEndpoint(id, options.trx))) {
        throw new DispatcherError('conflict', `endpoint ${id} already exists`)
      }
      await store.insertEndpoint(endpoint, options.trx)
      return { endpoint: publicEndpoint(endpoint), secret }
    },

    async updateEndpoint(id, patch, options = {}) {
      const current = await loadEndpoint(store, id, options)
      if (!patch || typeof patch !== 'object')
        throw new DispatcherError('invalid_argument', 'patch must be an object')
      const next: Partial<StoredEndpoint> = { updatedAt: config.clock.now() }
      if (patch.url !== undefined) next.url = checkUrl(patch.url, policy)
      if (patch.description !== undefined)
        next.description = checkString('description', patch.description, 2000)
      if (patch.eventTypes !== undefined) next.eventTypes = checkEventTypes(patch.eventTypes)
      if (patch.version !== undefined) next.version = checkPositive('version', patch.version, true)
      if (patch.headers !== undefined) {
        // a value equal to the mask (as read back) keeps the stored value
        next.headers = secrets.sealHeaders(
          checkHeaders(patch.headers, secrets.openHeaders(current.headers)),
        )
      }
      if (patch.rateLimitPerSecond !== undefined) {
        next.rateLimitPerSecond = checkPositive(
          'rateLimitPerSecond',
          patch.rateLimitPerSecond,
          false,
        )
      }
      if (patch.maxConcurrency !== undefined)
        next.maxConcurrency = checkPositive('maxConcurrency', patch.maxConcurrency, true)
      if (patch.ordered !== undefined) next.ordered = Boolean(patch.ordered)
      if (patch.timeoutMs !== undefined)
        next.timeoutMs = checkPositive('timeoutMs', patch.timeoutMs, true)
      if (patch.metadata !== undefined) next.metadata = checkMetadata(patch.metadata)
      if (patch.enabled !== undefined) {
        if (typeof patch.enabled !== 'boolean')
          throw new DispatcherError('invalid_argument', 'enabled must be a boolean')
        next.enabled = patch.enabled
        next.disabledReason = patch.enabled
          ? null
          : (checkString('disabledReason', patch.disabledReason, 200) ?? 'manual')
        if (patch.enabled && !current.enabled) next.failingSince = null
      }
      const updated = await store.updateEndpoint(current.id, next, options.trx)
      if (!updated) throw new DispatcherError('not_found', `no endpoint ${id}`)
      if (next.enabled) ctx.wake(options.trx)
      return publicEndpoint(updated)
    },

    async deleteEndpoint(id, options = {}) {
      const endpoint = await loadEndpoint(store, id, options)
      await store.deleteEndpoint(endpoint.id, options.trx)
      secrets.forget(endpoint.id)
    },

    async getEndpointHeaders(id, scope) {
      return { ...secrets.openHeaders((await loadEndpoint(store, id, scope)).headers) }
    },

    async getEndpoint(id, scope) {
      return publicEndpoint(await loadEndpoint(store, id, scope))
    },

    async listEndpoints(query = {}) {
      const limit = checkLimit(query.limit, 50, MAX_PAGE)
      const rows = await store.listEndpoints({
        tenantId: query.tenantId,
        limit: limit + 1,
        afterId: query.cursor ?? undefined,
      })
      return pageOf(rows.map(publicEndpoint), limit)
    },

    async getEndpointSecrets(id, scope) {
      const now = config.clock.now()
      return secrets.liveSecrets(await loadEndpoint(store, id, scope), now)
    },

    async rotateSecret(id, options = {}) {
      const endpoint = await loadEndpoint(store, id, options)
      const grace = options.gracePeriodMs ?? DAY
      if (!Number.isFinite(grace) || grace < 0 || grace > 30 * DAY) {
        throw new DispatcherError('invalid_argument', 'gracePeriodMs must be from 0 to 30 days')
      }
      const now = config.clock.now()
      const secret = options.secret === undefined ? generateSecret() : checkSecret(options.secret)
      const kept = endpoint.secrets
        .filter((s) => s.expiresAt === null || s.expiresAt > now)
        .map((s) => ({
          secret: s.secret,
          expiresAt: s.expiresAt === null ? now + grace : Math.min(s.expiresAt, now + grace),
        }))
        .filter((s) => s.expiresAt > now)
        .slice(0, 9)
      await store.updateEndpoint(
        endpoint.id,
        { secrets: [{ secret: secrets.seal(secret), expiresAt: null }, ...kept], updatedAt: now },
        options.trx,
      )
      return { secret }
    },

    async endpointHealth(id, options = {}) {
      const endpoint = await loadEndpoint(store, id, options)
      const windowMs = options.windowMs ?? DAY
      const stats = await store.endpointStats(endpoint.id, config.clock.now() - windowMs)
      return {
        ...stats,
        errorRate: stats.attempts === 0 ? 0 : stats.failures / stats.attempts,
        failingSince: endpoint.failingSince,
      }
    },
  }
}
