import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { isIP, type LookupFunction } from 'node:net'
import { Agent, buildConnector, type Dispatcher } from 'undici'
import type { AddressPolicy } from './ssrf'
import { SsrfBlockedError } from './ssrf'
import type { AttemptErrorKind } from './types'

export interface HttpResult {
  httpStatus: number | null
  headers: Record<string, string | string[] | undefined>
  responsePreview: string | null
  errorKind: AttemptErrorKind | null
  errorMessage: string | null
  /** Cut short by `abortAll` (a shutdown): not an outcome of the receiver's. */
  aborted?: boolean
}

export interface HttpClientOptions {
  policy: AddressPolicy
  connectTimeoutMs: number
  previewBytes: number
  /** Bytes read and discarded past the preview to keep the connection alive. */
  drainBytes?: number
  /** Told of every refused connection, with the address (for the host's log, not the attempt). */
  onBlocked?: (refusal: { host: string; address: string }) => void
}

/** POSTs webhooks through one undici Agent whose every connection passes the SSRF policy. */
export interface HttpClient {
  post(
    url: string,
    headers: Record<string, string>,
    body: string,
    timeoutMs: number,
  ): Promise<HttpResult>
  /** Ends every request in flight now; each answers `{ aborted: true }`. */
  abortAll(): void
  /** Waits for requests in flight, then closes the connections. */
  close(): Promise<void>
  /** Closes every connection now. */
  destroy(): Promise<void>
}

function guardedLookup(policy: AddressPolicy, blocked: typeof refuse): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0)
      const refused = addresses.find((a) => !policy.allows(a.address))
      if (refused) return callback(blocked(hostname, refused.address), '', 0)
      if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses)
      const first = addresses[0]!
      callback(null, first.address, first.family)
    })
  }
}

function refuse(host: string, address: string): SsrfBlockedError {
  return new SsrfBlockedError(host, address)
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { policy } = options
  const drainBytes = options.drainBytes ?? 64 * 1024
  const blocked = (host: string, address: string) => {
    options.onBlocked?.({ host, address })
    return refuse(host, address)
  }
  const base = buildConnector({
    timeout: options.connectTimeoutMs,
    lookup: guardedLookup(policy, blocked),
  })
  const agent = new Agent({
    keepAliveTimeout: 10_000,
    connections: 128,
    connect(opts, callback) {
      const host = opts.hostname.startsWith('[') ? opts.hostname.slice(1, -1) : opts.hostname
      if (isIP(host) !== 0 && !policy.allows(host)) {
        return callback(blocked(host, host), null)
      }
      base(opts, (err, socket) => {
        if (err) return callback(err, null)
        const remote = socket!.remoteAddress
        if (remote !== undefined && !policy.allows(remote)) {
          socket!.destroy()
          return callback(blocked(host, remote), null)
        }
        callback(null, socket!)
      })
    },
  })

  // One sweeper for all requests in flight enforces the overall deadline: cheaper than a
  // timer or an AbortSignal per request, and precise to a few tens of milliseconds.
  const inFlight = new Set<{ deadline: number; expire(): void; abort(): void }>()
  let sweeper: NodeJS.Timeout | undefined
  const sweep = () => {
    const now = performance.now()
    for (const r of inFlight) if (r.deadline <= now) r.expire()
    if (inFlight.size === 0) {
      clearInterval(sweeper)
      sweeper = undefined
    }
  }
  const targets = new Map<string, { origin: string; path: string }>()
  const targetOf = (url: string) => {
    let t = targets.get(url)
    if (!t) {
      const u = new URL(url)
      t = { origin: u.origin, path: `${u.pathname}${u.search}` }
      if (targets.size > 10_000) targets.clear()
      targets.set(url, t)
    }
    return t
  }

  return {
    post(url, headers, body, timeoutMs) {
      return new Promise<HttpResult>((resolve) => {
        let controller: Dispatcher.DispatchController | undefined
        let status = 0
        let responseHeaders: HttpResult['headers'] = {}
        const chunks: Buffer[] = []
        let kept = 0
        let seen = 0
        let done = false
        const finish = (result: HttpResult) => {
          if (done) return
          done = true
          inFlight.delete(request)
          resolve(result)
        }
        const answered = (): HttpResult => {
          const ok = status >= 200 && status < 300
          const redirect = status >= 300 && status < 400
          return {
            httpStatus: status,
            headers: responseHeaders,
            responsePreview:
              chunks.length === 0 ? '' : Buffer.concat(chunks, kept).toString('utf8'),
            errorKind: ok ? null : redirect ? 'redirect' : 'http_status',
            errorMessage: ok
              ? null
              : redirect
                ? `HTTP ${status}: redirects are not followed; point the endpoint at the final URL`
                : `HTTP ${status}`,
          }
        }
        const request = {
          deadline: performance.now() + timeoutMs,
          expire() {
            finish({
              httpStatus: null,
              headers: {},
              responsePreview: null,
              errorKind: 'timeout',
              errorMessage: `no complete response within ${timeoutMs} ms`,
            })
            controller?.abort(new Error('timed out'))
          },
          abort() {
            finish({
              httpStatus: null,
              headers: {},
              responsePreview: null,
              errorKind: 'connection',
              errorMessage: 'interrupted: the dispatcher stopped',
              aborted: true,
            })
            controller?.abort(new Error('the dispatcher stopped'))
          },
        }
        inFlight.add(request)
        sweeper ??= setInterval(sweep, 20).unref()
        try {
          const { origin, path } = targetOf(url)
          agent.dispatch(
            {
              origin,
              path,
              method: 'POST',
              headers,
              body,
              headersTimeout: timeoutMs,
              bodyTimeout: timeoutMs,
            },
            {
              onRequestStart(c) {
                controller = c
                if (done) c.abort(new Error('cut short'))
              },
              onResponseStart(_c, statusCode, h) {
                status = statusCode
                responseHeaders = h
              },
              onResponseData(c, chunk) {
                if (kept < options.previewBytes) {
                  const part = chunk.subarray(0, options.previewBytes - kept)
                  chunks.push(part)
                  kept += part.length
                }
                seen += chunk.length
                if (seen > drainBytes) {
                  finish(answered())
                  c.abort(new Error('response body too large; the rest is discarded'))
                }
              },
              onResponseEnd() {
                finish(answered())
              },
              onResponseError(_c, err) {
                finish({
                  httpStatus: null,
                  headers: {},
                  responsePreview: null,
                  ...classify(err, timeoutMs),
                })
              },
            },
          )
        } catch (err) {
          finish({
            httpStatus: null,
            headers: {},
            responsePreview: null,
            ...classify(err, timeoutMs),
          })
        }
      })
    },
    abortAll() {
      for (const r of [...inFlight]) r.abort()
    },
    close: () => agent.close(),
    destroy: () => agent.destroy(),
  }
}

function classify(
  err: unknown,
  timeoutMs: number,
): { errorKind: AttemptErrorKind; errorMessage: string } {
  const chain: Array<{ code?: string; name?: string; message?: string }> = []
  let current = err as
    | { code?: string; name?: string; message?: string; cause?: unknown }
    | undefined
  while (current && chain.length < 5) {
    chain.push(current)
    current = current.cause as typeof current
  }
  const has = (pred: (e: { code?: string; name?: string }) => boolean) => chain.some(pred)
  if (has((e) => e.code === 'ERR_CLOCKHOOK_SSRF')) {
    return {
      errorKind: 'ssrf_blocked',
      errorMessage: chain.find((e) => e.code === 'ERR_CLOCKHOOK_SSRF')!.message!,
    }
  }
  if (
    has(
      (e) =>
        e.name === 'TimeoutError' ||
        e.name === 'AbortError' ||
        e.code === 'UND_ERR_HEADERS_TIMEOUT' ||
        e.code === 'UND_ERR_BODY_TIMEOUT' ||
        e.code === 'UND_ERR_CONNECT_TIMEOUT',
    )
  ) {
    return { errorKind: 'timeout', errorMessage: `no complete response within ${timeoutMs} ms` }
  }
  if (has((e) => e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' || e.code === 'EAI_NONAME')) {
    return {
      errorKind: 'dns',
      errorMessage: `DNS lookup failed: ${chain[0]?.message ?? ''}`.trim(),
    }
  }
  if (has((e) => e.code === 'UND_ERR_INVALID_ARG' || e.code === 'ERR_INVALID_URL')) {
    return { errorKind: 'invalid_url', errorMessage: chain[0]?.message ?? 'invalid URL' }
  }
  const code = chain.find((e) => e.code)?.code
  return {
    errorKind: 'connection',
    errorMessage: `${code ? `${code}: ` : ''}${chain[0]?.message ?? 'connection failed'}`,
  }
}
