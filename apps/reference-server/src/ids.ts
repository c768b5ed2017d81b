import { randomBytes } from 'node:crypto'

/** A prefixed, sortable id: `wkr_` + time + randomness. */
export function newId(prefix: string): string {
  return `${prefix}${Date.now().toString(36).padStart(9, '0')}${randomBytes(8).toString('hex')}`
}

export const now = () => new Date().toISOString()
