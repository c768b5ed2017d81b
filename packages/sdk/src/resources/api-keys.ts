import type { PagePromise } from '../core/pagination'
import type { APIResponse, RequestOptions } from '../core/types'
import type {
  ApiKey,
  ApiKeyCreateParams,
  ApiKeyListParams,
  ApiKeyUpdateParams,
  ApiKeyWithSecret,
} from '../types'
import { APIResource, seg } from './resource'

/**
 * API keys (`/v1/api-keys`, admin). The key itself is shown once, by `create` and `regenerate`.
 *
 * @example
 * const { data } = await clockhook.apiKeys.create({ name: 'payroll sync', scopes: ['time:read'] })
 * console.log(data.key) // ck_… — store it now
 */
export class ApiKeys extends APIResource {
  create(
    params: ApiKeyCreateParams,
    options?: RequestOptions,
  ): Promise<APIResponse<ApiKeyWithSecret>> {
    return this.client.request({ method: 'POST', path: '/v1/api-keys', body: params }, options)
  }

  /** Lists keys (prefix only). */
  list(params: ApiKeyListParams = {}, options?: RequestOptions): PagePromise<ApiKey> {
    return this.client.list('/v1/api-keys', { ...params }, options)
  }

  /** Renames a key. */
  update(
    id: string,
    params: ApiKeyUpdateParams,
    options?: RequestOptions,
  ): Promise<APIResponse<ApiKey>> {
    return this.client.request(
      { method: 'PATCH', path: `/v1/api-keys/${seg(id)}`, body: params },
      options,
    )
  }

  /** Revokes a key, immediately. Resolves with `data: null`. */
  delete(id: string, options?: RequestOptions): Promise<APIResponse<null>> {
    return this.client.request({ method: 'DELETE', path: `/v1/api-keys/${seg(id)}` }, options)
  }

  /** A new key for the same entry; the old one stops working at once. */
  regenerate(id: string, options?: RequestOptions): Promise<APIResponse<ApiKeyWithSecret>> {
    return this.client.request(
      { method: 'POST', path: `/v1/api-keys/${seg(id)}/regenerate` },
      options,
    )
  }
}
