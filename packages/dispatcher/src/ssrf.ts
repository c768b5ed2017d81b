import { BlockList, isIP } from 'node:net'

/** How the SSRF guard treats webhook targets. On by default. */
export interface SsrfOptions {
  /** Ranges that are allowed even though they are private (`10.1.2.0/24`, `127.0.0.1/32`). */
  allowedCidrs?: string[]
  /** Development switch: allow every address, private ones included. */
  allowPrivateNetworks?: boolean
}

// Loopback, private, link-local, CGNAT, multicast, documentation, benchmarking and reserved.
const BLOCKED_V4 = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
]
const BLOCKED_V6 = [
  // (::/96, ::ffff:0:0/96, ::ffff:0:0:0/96 and 64:ff9b::/96 embed an IPv4 address and are
  // judged by it; see embeddedIpv4)
  '::/128',
  '::1/128',
  '64:ff9b:1::/48',
  '100::/64',
  '2001::/23',
  '2001:db8::/32',
  '2002::/16',
  'fc00::/7',
  'fe80::/10',
  'fec0::/10',
  'ff00::/8',
]

function addCidr(list: BlockList, cidr: string): void {
  const [address, prefix] = cidr.split('/')
  const family = isIP(address ?? '')
  const bits = Number(prefix)
  const max = family === 4 ? 32 : 128
  if (family === 0 || prefix === undefined || !Number.isInteger(bits) || bits < 0 || bits > max) {
    throw new TypeError(`"${cidr}" is not a CIDR range such as 10.0.0.0/8 or fd00::/8`)
  }
  list.addSubnet(address!, bits, family === 4 ? 'ipv4' : 'ipv6')
}

/** The eight 16-bit groups of an IPv6 address (`isIP(x) === 6` already checked). */
function groups(ip: string): number[] {
  let text = ip.toLowerCase()
  const zone = text.indexOf('%')
  if (zone >= 0) text = text.slice(0, zone)
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number]
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.split('::') as [string, string | undefined]
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)))
  const left = parse(head)
  if (tail === undefined) return left
  const right = parse(tail)
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right]
}

const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`

/**
 * The IPv4 address an IPv6 address carries, in the forms that reach it: IPv4-compatible
 * (`::a.b.c.d`), IPv4-mapped (`::ffff:a.b.c.d`), IPv4-translated (`::ffff:0:a.b.c.d`),
 * NAT64 (`64:ff9b::a.b.c.d`) and 6to4 (`2002:AABB:CCDD::`).
 */
export function embeddedIpv4(ip: string): { address: string; form: string } | undefined {
  if (isIP(ip) !== 6) return undefined
  const g = groups(ip)
  if (g.length !== 8) return undefined
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0)
  if (zero(0, 5) && g[5] === 0) return { address: v4(g[6]!, g[7]!), form: 'compatible' }
  if (zero(0, 5) && g[5] === 0xffff) return { address: v4(g[6]!, g[7]!), form: 'mapped' }
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0)
    return { address: v4(g[6]!, g[7]!), form: 'translated' }
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6))
    return { address: v4(g[6]!, g[7]!), form: 'nat64' }
  if (g[0] === 0x2002) return { address: v4(g[1]!, g[2]!), form: '6to4' }
  return undefined
}

// Names that are loopback by definition (RFC 6761) or by every system's hosts file.
const LOOPBACK_NAMES = new Set([
  'localhost',
  'localhost.localdomain',
  'ip6-localhost',
  'ip6-loopback',
])

/** Whether a host name (not an IP literal) always means this machine. */
export function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.+$/, '')
  return LOOPBACK_NAMES.has(name) || name.endsWith('.localhost')
}

/** Decides whether an IP address may be the target of a webhook. */
export class AddressPolicy {
  readonly #blocked = new BlockList()
  readonly #allowed = new BlockList()
  readonly #allowAll: boolean

  constructor(options: SsrfOptions = {}) {
    this.#allowAll = options.allowPrivateNetworks === true
    for (const cidr of BLOCKED_V4) addCidr(this.#blocked, cidr)
    for (const cidr of BLOCKED_V6) addCidr(this.#blocked, cidr)
    for (const cidr of options.allowedCidrs ?? []) addCidr(this.#allowed, cidr)
  }

  /** True when a connection to this address is allowed. */
  allows(address: string): boolean {
    if (this.#allowAll) return true
    const ip = address.startsWith('[') ? address.slice(1, -1) : address
    const family = isIP(ip)
    if (family === 0) return false
    const embedded = family === 6 ? embeddedIpv4(ip) : undefined
    if (embedded) {
      if (this.#allowed.check(ip, 'ipv6')) return true
      if (!this.allows(embedded.address)) return false
      // 6to4 stays refused as a whole (2002::/16, deprecated); the others go where the
      // IPv4 address goes
      if (embedded.form !== '6to4') return true
    }
    const type = family === 4 ? 'ipv4' : 'ipv6'
    if (this.#allowed.check(ip, type)) return true
    return !this.#blocked.check(ip, type)
  }

  /** True when a loopback name (`localhost`) may be saved: a loopback address is allowed. */
  allowsLoopback(): boolean {
    return this.allows('127.0.0.1') || this.allows('::1')
  }
}

/**
 * Raised (and recorded as `ssrf_blocked`) when a target resolves to a refused address.
 * The message never names the address (it would tell a caller what an internal name
 * resolves to); `address` is kept for the host's log.
 */
export class SsrfBlockedError extends Error {
  readonly code = 'ERR_CLOCKHOOK_SSRF'
  readonly host: string
  readonly address: string
  constructor(host: string, address: string) {
    super(
      `the destination ${host} is not allowed: webhooks may only reach public addresses (allow others with ssrf.allowedCidrs)`,
    )
    this.name = 'SsrfBlockedError'
    this.host = host
    this.address = address
  }
}
