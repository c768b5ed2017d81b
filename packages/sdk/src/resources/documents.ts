import type { PagePromise } from '../core/pagination'
import type { APIResponse, RequestOptions } from '../core/types'
import type { Document, DocumentCreateParams, DocumentListParams } from '../types'
import { APIResource, seg } from './resource'

/**
 * A worker's documents (`/v1/workers/{id}/documents`); each expiry emits `document.expired` once.
 *
 * @example
 * await clockhook.documents.create(workerId, { kind: 'first_aid', expires_on: '2027-01-31' })
 */
export class Documents extends APIResource {
  create(
    workerId: string,
    params: DocumentCreateParams,
    options?: RequestOptions,
  ): Promise<APIResponse<Document>> {
    return this.client.request(
      { method: 'POST', path: `/v1/workers/${seg(workerId)}/documents`, body: params },
      options,
    )
  }

  list(
    workerId: string,
    params: DocumentListParams = {},
    options?: RequestOptions,
  ): PagePromise<Document> {
    return this.client.list(`/v1/workers/${seg(workerId)}/documents`, { ...params }, options)
  }
}
