import type { Clockhook } from '../client'

/** Base of every resource: holds the client. */
export abstract class APIResource {
  protected readonly client: Clockhook

  constructor(client: Clockhook) {
    this.client = client
  }
}

/** A path segment from an id, escaped. */
export const seg = (id: string): string => encodeURIComponent(id)
