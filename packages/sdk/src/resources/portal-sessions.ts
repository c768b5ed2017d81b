import type { APIResponse, RequestOptions } from '../core/types'
import type { PortalSession, PortalSessionCreateParams } from '../types'
import { APIResource } from './resource'

/**
 * Partner portal links (`/v1/portal-sessions`, admin): a short-lived console URL that lets
 * an outside partner manage only some webhooks, without an API key. Audited.
 *
 * @example
 * const { data } = await clockhook.portalSessions.create({ webhook_ids: ['wh_…'], expires_in: 3600 })
 * console.log(data.url, data.expires_at)
 */
export class PortalSessions extends APIResource {
  create(
    params: PortalSessionCreateParams = {},
    options?: RequestOptions,
  ): Promise<APIResponse<PortalSession>> {
    return this.client.request(
      { method: 'POST', path: '/v1/portal-sessions', body: params },
      options,
    )
  }
}
