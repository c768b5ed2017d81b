import type { MiddlewareHandler } from 'hono'
import { ApiError } from './errors'

/** NUL, or a UTF-16 surrogate without its pair: no database can store these as text. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const isStorable = (s: string) => !s.includes('\u0000') && !LONE_SURROGATE.test(s)

/** JSON nested deeper than this is refused: no route takes more than a few levels. */
const MAX_DEPTH = 64

/** The path of the first unstorable string (key or value), walking without recursion. */
function findUnstorable(root: unknown): string | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [
    { value: root, path: '', depth: 0 },
  ]
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!
    if (typeof value === 'string') {
      if (!isStorable(value)) return path || '(body)'
      continue
    }
    if (value === null || typeof value !== 'object') continue
    if (depth >= MAX_DEPTH) throw tooDeep()
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 })
      continue
    }
    for (const [k, v] of Object.entries(value).reverse()) {
      const at = path ? `${path}.${k}` : k
      if (!isStorable(k)) return at
      stack.push({ value: v, path: at, depth: depth + 1 })
    }
  }
  return null
}

const tooDeep = () =>
  new ApiError(400, 'validation_failed', `JSON nested deeper than ${MAX_DEPTH} levels`)

const refuse = (where: string) =>
  new ApiError(
    400,
    'validation_failed',
    `the request is not valid: ${where}: NUL or unpaired surrogate`,
    [{ path: where, message: 'must not contain NUL characters or unpaired UTF-16 surrogates' }],
  )

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
    const found = findUnstorable(parsed)
    if (found) throw refuse(found)
  }
  await next()
}
