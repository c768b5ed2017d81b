import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { tooLarge } from '../body'
import type { EventOf, RegisteredEvents } from '../events'
import {
  errorResult,
  RECEIVED,
  type Receiver,
  type ReceiverOptions,
  resolveReceiver,
  type WebhookResult,
} from '../receiver'
import { settleOnFinish } from '../settle-on-finish'

export type { Receiver, ReceiverOptions } from '../receiver'

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified delivery on the webhook route of `verifyWebhooks`; `null` elsewhere. */
    webhook: EventOf<RegisteredEvents> | null
  }
}

/** A Fastify request on the webhook route: `request.webhook` is set. */
export type WebhookRequest<Events extends object = RegisteredEvents> = FastifyRequest & {
  webhook: EventOf<Events>
}

// biome-ignore lint/suspicious/noExplicitAny: a receiver of any event map
type AnyReceiver = Receiver<any>

/** The plugin's options: a receiver's options, or `{ receiver }`, plus the route. */
export type FastifyWebhookOptions<Events extends object = RegisteredEvents> = (
  | ReceiverOptions
  | { receiver: AnyReceiver }
) & {
  /** The route's path inside the plugin's prefix. Default `'/'`. */
  path?: string
  /**
   * Your route handler, run with `request.webhook` set; the `webhook-id` counts as handled
   * once it answers 2xx. Without it, the receiver's handlers run and the plugin answers.
   */
  handler?: (request: WebhookRequest<Events>, reply: FastifyReply) => unknown
}

const send = (reply: FastifyReply, result: WebhookResult) =>
  reply.code(result.status).type('application/json').send(result.body)

/**
 * A Fastify plugin adding one webhook route (POST `prefix + path`) that verifies Clockhook
 * (Standard Webhooks) deliveries on the exact bytes received. Inside the plugin's own
 * (encapsulated) context every content type is read as a raw Buffer, limited to
 * `maxBodyBytes` — the rest of your app keeps Fastify's JSON parser.
 *
 * @example
 * import Fastify from 'fastify'
 * import { verifyWebhooks } from '@clockhook/receiver-middleware/fastify'
 *
 * const app = Fastify()
 * await app.register(verifyWebhooks, {
 *   prefix: '/webhooks',
 *   secret: process.env.CLOCKHOOK_WEBHOOK_SECRET,
 *   handler: async (request, reply) => {
 *     if (request.webhook.type === 'clock.in') console.log(request.webhook.data)
 *     return reply.code(204).send()
 *   },
 * })
 */
export const verifyWebhooks: FastifyPluginAsync<FastifyWebhookOptions> =
  async function verifyWebhooks(fastify, options) {
    const { path = '/', handler, ...rest } = options
    const receiver = resolveReceiver('receiver' in rest ? rest.receiver : (rest as ReceiverOptions))
    const limit = receiver.maxBodyBytes
    fastify.removeAllContentTypeParsers()
    fastify.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: limit },
      (_request, body, done) => done(null, body),
    )
    fastify.decorateRequest('webhook', null)
    fastify.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
      if (error.statusCode === 413) return send(reply, receiver.reject(tooLarge(limit)))
      throw error
    })
    fastify.post(path, async function webhookRoute(request, reply) {
      const raw = request.body instanceof Uint8Array ? request.body : ''
      const reception = await receiver.receive(raw, request.headers)
      if (reception.kind !== 'claimed') return send(reply, reception.result)
      const failure = await reception.runHandlers()
      if (failure) {
        await reception.settle(false)
        return send(reply, errorResult(failure))
      }
      if (!handler) {
        await reception.settle(true)
        return send(reply, RECEIVED)
      }
      request.webhook = reception.event as EventOf<RegisteredEvents>
      settleOnFinish(reply.raw, reception)
      return handler(request as WebhookRequest, reply)
    })
  }
