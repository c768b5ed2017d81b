/** Type-prefixed ULIDs, the dispatcher's scheme: one id scheme across the system. */
export { newId } from '@clockhook/dispatcher'

export const now = () => new Date().toISOString()
