import type { PagePromise } from '../core/pagination'
import type { APIResponse, RequestOptions } from '../core/types'
import type { Worker, WorkerCreateParams, WorkerListParams, WorkerUpdateParams } from '../types'
import { APIResource, seg } from './resource'

/**
 * Workers (`/v1/workers`). Scope `workers:read` / `workers:write`.
 *
 * @example
 * const { data: ada } = await clockhook.workers.create({ name: 'Ada', email: 'ada@example.com' })
 * for await (const w of clockhook.workers.list()) console.log(w.id, w.name)
 */
export class Workers extends APIResource {
  /** Creates a worker; emits `worker.created`. */
  create(params: WorkerCreateParams, options?: RequestOptions): Promise<APIResponse<Worker>> {
    return this.client.request({ method: 'POST', path: '/v1/workers', body: params }, options)
  }

  /** Lists workers, oldest first. */
  list(params: WorkerListParams = {}, options?: RequestOptions): PagePromise<Worker> {
    return this.client.list('/v1/workers', { ...params }, options)
  }

  retrieve(id: string, options?: RequestOptions): Promise<APIResponse<Worker>> {
    return this.client.request({ method: 'GET', path: `/v1/workers/${seg(id)}` }, options)
  }

  /** Changes a worker; emits `worker.updated` with `changed_fields`. */
  update(
    id: string,
    params: WorkerUpdateParams,
    options?: RequestOptions,
  ): Promise<APIResponse<Worker>> {
    return this.client.request(
      { method: 'PATCH', path: `/v1/workers/${seg(id)}`, body: params },
      options,
    )
  }

  /** Deletes a worker; emits `worker.deleted`. Resolves with `data: null`. */
  delete(id: string, options?: RequestOptions): Promise<APIResponse<null>> {
    return this.client.request({ method: 'DELETE', path: `/v1/workers/${seg(id)}` }, options)
  }
}
