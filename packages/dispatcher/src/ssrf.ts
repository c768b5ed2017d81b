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
  '::/128',
  '::1/128',
  '64:ff9b::/96',
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
    let ip = address.startsWith('[') ? address.slice(1, -1) : address
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
    if (mapped) ip = mapped[1]!
    const family = isIP(ip)
    if (family === 0) return false
    const type = family === 4 ? 'ipv4' : 'ipv6'
    if (this.#allowed.check(ip, type)) return true
    return !this.#blocked.check(ip, type)
  }
}

/** Raised (and recorded as `ssrf_blocked`) when a target resolves to a refused address. */
export class SsrfBlockedError extends Error {
  readonly code = 'ERR_CLOCKHOOK_SSRF'
  constructor(host: string, address: string) {
    super(
      `refused to connect to ${host} (${address}): private, loopback or reserved addresses are blocked (allow them with ssrf.allowedCidrs)`,
    )
    this.name = 'SsrfBlockedError'
  }
}
