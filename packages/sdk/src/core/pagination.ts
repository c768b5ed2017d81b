import type { APIResponse } from './types'

/** One page of a list: the API's `data`, `next_cursor` and `has_more`, plus the answer's metadata. */
export interface PageBody<Item> {
  data: Item[]
  next_cursor: string | null
  has_more: boolean
}

/** Fetches the page that follows `cursor` (`undefined`: the first page). */
export type PageFetcher<Item> = (cursor: string | undefined) => Promise<APIResponse<PageBody<Item>>>

/**
 * A page of results. Iterating it with `for await` yields its items and then those of
 * every following page.
 *
 * @example
 * let page = await clockhook.workers.list({ limit: 50 })
 * while (page.hasNextPage()) page = await page.getNextPage()
 */
export class Page<Item> implements AsyncIterable<Item> {
  readonly data: Item[]
  readonly next_cursor: string | null
  readonly has_more: boolean
  readonly requestId: string | null
  readonly status: number
  readonly headers: Headers
  readonly #fetchPage: PageFetcher<Item>

  constructor(response: APIResponse<PageBody<Item>>, fetchPage: PageFetcher<Item>) {
    this.data = response.data.data
    this.next_cursor = response.data.next_cursor
    this.has_more = response.data.has_more
    this.requestId = response.requestId
    this.status = response.status
    this.headers = response.headers
    this.#fetchPage = fetchPage
  }

  /** Whether the API said more items follow this page. */
  hasNextPage(): boolean {
    return this.has_more && this.next_cursor !== null
  }

  /** The next page; throws when there is none (check `hasNextPage()` first). */
  async getNextPage(): Promise<Page<Item>> {
    if (!this.hasNextPage()) throw new Error('there is no next page: check hasNextPage() first')
    return new Page(await this.#fetchPage(this.next_cursor ?? undefined), this.#fetchPage)
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    let page: Page<Item> = this
    for (;;) {
      yield* page.data
      if (!page.hasNextPage()) return
      page = await page.getNextPage()
    }
  }
}

/**
 * What list methods return: `await` it for the first page, or `for await` over it for
 * every item of every page (pages are fetched as the loop needs them).
 *
 * @example
 * const { data, has_more } = await clockhook.workers.list()
 * for await (const worker of clockhook.workers.list()) console.log(worker.name)
 */
export class PagePromise<Item> implements PromiseLike<Page<Item>>, AsyncIterable<Item> {
  readonly #fetchPage: PageFetcher<Item>
  #first: Promise<Page<Item>> | undefined

  constructor(fetchPage: PageFetcher<Item>) {
    this.#fetchPage = fetchPage
  }

  #firstPage(): Promise<Page<Item>> {
    this.#first ??= this.#fetchPage(undefined).then((r) => new Page(r, this.#fetchPage))
    return this.#first
  }

  // biome-ignore lint/suspicious/noThenProperty: a PagePromise is awaitable on purpose
  then<A = Page<Item>, B = never>(
    onfulfilled?: ((page: Page<Item>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#firstPage().then(onfulfilled, onrejected)
  }

  catch<B = never>(onrejected: (reason: unknown) => B | PromiseLike<B>): Promise<Page<Item> | B> {
    return this.#firstPage().catch(onrejected)
  }

  finally(onfinally: (() => void) | null | undefined): Promise<Page<Item>> {
    return this.#firstPage().finally(onfinally)
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    yield* await this.#firstPage()
  }
}
