import { memoryQueue } from './memory/queue'
import { memoryRepository } from './memory/repository'
import { MemoryTables } from './memory/tables'
import type { DeliveryStore } from './types'

/**
 * A store in process memory: for tests, demos and hosts that accept losing what is
 * queued when the process exits. Same semantics as the SQL stores.
 *
 * @example
 * const dispatcher = createDispatcher({ store: memoryStore() })
 */
export function memoryStore(): DeliveryStore {
  const tables = new MemoryTables()
  return {
    kind: 'memory',
    async migrate() {},
    async close() {},
    ...memoryRepository(tables),
    ...memoryQueue(tables),
  }
}
