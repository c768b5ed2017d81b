import type { APIResponse, RequestOptions } from '../core/types'
import type { SettingsUpdateParams, Settings as TenantSettings } from '../types'
import { APIResource } from './resource'

/**
 * The tenant settings (`/v1/settings`, admin): name, default payload version, retention,
 * HTTPS rule. Changes are audited.
 *
 * @example
 * const { data } = await clockhook.settings.retrieve()
 * await clockhook.settings.update({ default_version: 2, retention_days: 90 })
 */
export class Settings extends APIResource {
  retrieve(options?: RequestOptions): Promise<APIResponse<TenantSettings>> {
    return this.client.request({ method: 'GET', path: '/v1/settings' }, options)
  }

  /** Changes the fields sent; `default_version: null` follows the latest stable version. */
  update(
    params: SettingsUpdateParams,
    options?: RequestOptions,
  ): Promise<APIResponse<TenantSettings>> {
    return this.client.request({ method: 'PATCH', path: '/v1/settings', body: params }, options)
  }
}
