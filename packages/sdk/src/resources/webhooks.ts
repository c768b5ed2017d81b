import { createVerifier, type WebhookHeaders, type WebhookPayload } from '@clockhook/signer/verify'
import type { Clockhook } from '../client'
import type { PagePromise } from '../core/pagination'
import type { APIResponse, RequestOptions } from '../core/types'
import type {
  PayloadVersion,
  RecoverParams,
  RecoverResult,
  RotateSecretParams,
  RotateSecretResult,
  Webhook,
  WebhookCreateParams,
  WebhookDetail,
  WebhookEvent,
  WebhookListParams,
  WebhookSecret,
  WebhookTestResult,
  WebhookUpdateParams,
  WebhookWithSecret,
} from '../types'
import { APIResource, seg } from './resource'
import { WebhookDeliveries } from './webhook-deliveries'

/** Options of `webhooks.verify`. */
export interface VerifyOptions<V extends PayloadVersion = PayloadVersion> {
  /** How far `webhook-timestamp` may be from now, in seconds. Default 300. */
  tolerance?: number
  /** The payload version the webhook is pinned to; narrows the type of `data`. */
  version?: V
}

/**
 * Webhooks (`/v1/webhooks`): where events are delivered. Scope `webhooks:read` /
 * `webhooks:write`; secret reveal and rotation need `admin`.
 *
 * @example
 * const { data: wh } = await clockhook.webhooks.create({ name: 'payroll', url, events: ['clock.in'] })
 * console.log(wh.secret) // whsec_… — shown once
 * await clockhook.webhooks.test(wh.id)
 */
export class Webhooks extends APIResource {
  /** `webhooks.deliveries.list(webhookId, { status })`. */
  readonly deliveries: WebhookDeliveries

  constructor(client: Clockhook) {
    super(client)
    this.deliveries = new WebhookDeliveries(client)
  }

  /** Creates a webhook; the answer carries its signing `secret` (shown once without `admin`). */
  create(
    params: WebhookCreateParams,
    options?: RequestOptions,
  ): Promise<APIResponse<WebhookWithSecret>> {
    return this.client.request({ method: 'POST', path: '/v1/webhooks', body: params }, options)
  }

  list(params: WebhookListParams = {}, options?: RequestOptions): PagePromise<Webhook> {
    return this.client.list('/v1/webhooks', { ...params }, options)
  }

  /** A webhook with its last deliveries and error rate. */
  retrieve(id: string, options?: RequestOptions): Promise<APIResponse<WebhookDetail>> {
    return this.client.request({ method: 'GET', path: `/v1/webhooks/${seg(id)}` }, options)
  }

  /** Changes a webhook; enable or disable it with `{ enabled }`. */
  update(
    id: string,
    params: WebhookUpdateParams,
    options?: RequestOptions,
  ): Promise<APIResponse<Webhook>> {
    return this.client.request(
      { method: 'PATCH', path: `/v1/webhooks/${seg(id)}`, body: params },
      options,
    )
  }

  /** Deletes a webhook. Resolves with `data: null`. */
  delete(id: string, options?: RequestOptions): Promise<APIResponse<null>> {
    return this.client.request({ method: 'DELETE', path: `/v1/webhooks/${seg(id)}` }, options)
  }

  /** Sends `webhook.test` to this webhook now; answers with the delivery and its attempt. */
  test(id: string, options?: RequestOptions): Promise<APIResponse<WebhookTestResult>> {
    return this.client.request({ method: 'POST', path: `/v1/webhooks/${seg(id)}/test` }, options)
  }

  /** A new signing secret; the old one keeps signing for `grace_period_seconds` (admin). */
  rotateSecret(
    id: string,
    params: RotateSecretParams = {},
    options?: RequestOptions,
  ): Promise<APIResponse<RotateSecretResult>> {
    return this.client.request(
      { method: 'POST', path: `/v1/webhooks/${seg(id)}/rotate-secret`, body: params },
      options,
    )
  }

  /** The current signing secret and those still in their grace period (admin; audited). */
  revealSecret(id: string, options?: RequestOptions): Promise<APIResponse<WebhookSecret>> {
    return this.client.request({ method: 'GET', path: `/v1/webhooks/${seg(id)}/secret` }, options)
  }

  /** Re-queues every failed delivery since `since` (and messages missed while disabled). */
  recover(
    id: string,
    params: RecoverParams,
    options?: RequestOptions,
  ): Promise<APIResponse<RecoverResult>> {
    return this.client.request(
      { method: 'POST', path: `/v1/webhooks/${seg(id)}/recover`, body: params },
      options,
    )
  }

  /**
   * Verifies a webhook request (Standard Webhooks signature and timestamp, on the raw body)
   * and returns its event, typed by `type`. `id` is the `webhook-id` header. Rejects with
   * `WebhookVerificationError` from `@clockhook/signer` when it must not be trusted.
   * `secret` takes `process.env.…` as it is: an undefined one rejects with a `WebhookError`
   * (`invalid_secret`) saying the environment variable is probably unset.
   * Web Crypto only: runs on Node, Deno, Bun, Workers and browsers.
   *
   * @example
   * const event = await clockhook.webhooks.verify(await req.text(), req.headers, process.env.WEBHOOK_SECRET)
   * if (event.type === 'clock.in') console.log(event.data.clock_in)
   */
  async verify<V extends PayloadVersion = PayloadVersion>(
    rawBody: WebhookPayload,
    headers: WebhookHeaders,
    secret: string | readonly (string | undefined)[] | undefined,
    options: VerifyOptions<V> = {},
  ): Promise<WebhookEvent<V>> {
    const verifier = createVerifier(
      secret,
      options.tolerance === undefined ? {} : { tolerance: options.tolerance },
    )
    const body = await verifier<Omit<WebhookEvent<V>, 'id'>>(rawBody, headers)
    return { id: headerValue(headers, 'webhook-id') ?? '', ...body } as WebhookEvent<V>
  }
}

function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    const h = headers as { get(name: string): string | null }
    return h.get(name) ?? h.get(name.replace('webhook-', 'svix-')) ?? undefined
  }
  const record = headers as Record<string, string | readonly string[] | undefined>
  for (const wanted of [name, name.replace('webhook-', 'svix-')]) {
    for (const [key, value] of Object.entries(record)) {
      if (key.toLowerCase() === wanted && value !== undefined) {
        return Array.isArray(value) ? value[0] : (value as string)
      }
    }
  }
  return undefined
}
