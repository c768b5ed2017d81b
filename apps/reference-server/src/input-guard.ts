import type { MiddlewareHandler } from 'hono'
import { ApiError } from './errors'

/** NUL, or a UTF-16 surrogate without its pair: no database can store these as text. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const isStorable = (s: string) => !s.includes('\u0000') && !LONE_SURROGATE.test(s)

function findUnstorable(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isStorable(value) ? null : path || '(body)'
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], `${path}[${i}]`)
      if (found) return found
    }
    return null
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k
      if (!isStorable(k)) return at
      const found = findUnstorable(v, at)
      if (found) return found
    }
  }
  return null
}

const refuse = (where: string) =>
  new ApiError(400, 'validation_failed', 'the request is not valid', [
    { path: where, message: 'must not contain NUL characters or unpaired UTF-16 surrogates' },
  ])

/**
 * Every string from the path, the query and a JSON body is checked at the boundary: NUL
 * and unpaired surrogates are a 400 `validation_failed` on every database (Postgres
 * refuses them in text columns, SQLite stores them mangled).
 */
export const refuseUnencodableStrings: MiddlewareHandler = async function refuseUnencodableStrings(
  c,
  next,
) {
  const url = new URL(c.req.url)
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    throw new ApiError(400, 'validation_failed', 'the path is not valid percent-encoded UTF-8')
  }
  if (!isStorable(path)) throw refuse('(path)')
  for (const [k, v] of url.searchParams) {
    if (!isStorable(k) || !isStorable(v)) throw refuse(`(query) ${isStorable(k) ? k : '?'}`)
  }
  const type = c.req.header('content-type') ?? ''
  if (/^application\/([\w.+-]+\+)?json\b/i.test(type) && c.req.method !== 'GET') {
    const text = await c.req.text()
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = undefined // malformed JSON: the route's validator answers it
    }
    const found = findUnstorable(parsed, '')
    if (found) throw refuse(found)
  }
  await next()
}
