import type { Dispatcher } from '@clockhook/dispatcher'
import type { MiddlewareHandler } from 'hono'
import { ApiError } from './errors'

const WEBHOOK_ROUTE =
  /^\/v1\/webhooks\/([^/]+)(?:\/(test|deliveries|recover|secret|rotate-secret))?$/
const DELIVERY_ROUTE = /^\/v1\/deliveries\/([^/]+)(?:\/resend)?$/

/**
 * What a partner portal link may reach, deny by default: the event catalog, the webhook
 * list (filtered by the route), creating webhooks when the link covers all of them, and the
 * routes of its own webhooks and of their deliveries. Everything else is a 403, whatever
 * the route; API keys pass through untouched.
 */
export function portalGuard(dispatcher: Dispatcher): MiddlewareHandler {
  return async function limitPortalLinks(c, next) {
    const caller = c.get('caller')
    if (!caller.portal) return next()
    const { webhookIds } = caller.portal
    const reaches = (webhookId: string) => webhookIds === null || webhookIds.includes(webhookId)
    const method = c.req.method
    const path = c.req.path.replace(/\/+$/, '') || '/'
    const refuse = (what: string) => {
      throw new ApiError(403, 'forbidden', `this portal link does not reach ${what}`)
    }
    if (path === '/v1/event-types' && method === 'GET') return next()
    if (path === '/v1/webhooks') {
      if (method === 'GET') return next()
      if (method === 'POST' && webhookIds === null) return next()
      refuse('new webhooks')
    }
    const webhook = WEBHOOK_ROUTE.exec(path)
    if (webhook) {
      if (!reaches(decodeURIComponent(webhook[1]!))) refuse(`webhook ${webhook[1]}`)
      return next()
    }
    const delivery = DELIVERY_ROUTE.exec(path)
    if (delivery) {
      const id = decodeURIComponent(delivery[1]!)
      let endpointId: string | undefined
      try {
        endpointId = (await dispatcher.getDelivery(id, { tenantId: caller.tenantId })).delivery
          .endpointId
      } catch {
        // unknown here: the route answers its own 404
        return next()
      }
      if (!reaches(endpointId)) refuse(`delivery ${id}`)
      return next()
    }
    refuse(`${method} ${path}`)
  }
}

/** The webhooks a caller may see in a list: every one, unless it is a limited portal link. */
export function visibleTo(caller: { portal?: { webhookIds: string[] | null } }, webhookId: string) {
  const ids = caller.portal?.webhookIds
  return ids === undefined || ids === null || ids.includes(webhookId)
}
