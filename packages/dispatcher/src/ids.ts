import { randomFillSync } from 'node:crypto'

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ' // Crockford base32: sorts as it reads

let lastTime = -1
let lastTimeText = ''
const lastRandom = new Uint8Array(10)

/**
 * A sortable id: `prefix` + 10 characters of milliseconds + 16 of randomness (a ULID).
 * Ids made by one process are strictly increasing, even within one millisecond. The
 * dispatcher's own ids are made this way; hosts passing ids (`createEndpoint({ id })`,
 * `send({ id })`) can use it for theirs, so every id of a system reads and sorts alike.
 *
 * @example
 * newId('wh_') // 'wh_01JD3Z8K6T5Q2V7W9X0Y1Z2A3B'
 */
export function newId(prefix: string, now = Date.now()): string {
  if (now <= lastTime) {
    for (let i = lastRandom.length - 1; i >= 0; i--) {
      lastRandom[i] = (lastRandom[i]! + 1) & 0xff
      if (lastRandom[i] !== 0) break
    }
    now = lastTime
  } else {
    lastTime = now
    lastTimeText = ''
    randomFillSync(lastRandom)
  }
  // ids made within one millisecond share their time part: encoded once
  if (lastTimeText === '') {
    let t = now
    for (let i = 0; i < 10; i++) {
      lastTimeText = ALPHABET[t % 32] + lastTimeText
      t = Math.floor(t / 32)
    }
  }
  const time = lastTimeText
  let random = ''
  let bits = 0
  let value = 0
  for (const byte of lastRandom) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      bits -= 5
      random += ALPHABET[(value >> bits) & 31]
    }
  }
  return prefix + time + random
}
