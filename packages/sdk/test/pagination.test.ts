import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Clockhook, Page } from '../src/index'
import { startTestServer, type TestServer } from './support'

describe('pagination', () => {
  let server: TestServer
  let clockhook: Clockhook
  const names = ['w1', 'w2', 'w3', 'w4', 'w5']

  beforeAll(async () => {
    server = await startTestServer()
    clockhook = new Clockhook({ apiKey: server.adminKey, baseUrl: server.url })
    for (const name of names) await clockhook.workers.create({ name })
  })
  afterAll(async () => {
    await server?.close()
  })

  it('awaiting a list gives the first page with next_cursor and has_more', async () => {
    const page = await clockhook.workers.list({ limit: 2 })
    expect(page).toBeInstanceOf(Page)
    expect(page.data.map((w) => w.name)).toEqual(['w1', 'w2'])
    expect(page.has_more).toBe(true)
    expect(page.next_cursor).toBeTruthy()
    expect(page.requestId).toBeTruthy()
  })

  it('a PagePromise fetches its first page once, however often it is awaited', async () => {
    const list = clockhook.workers.list({ limit: 2 })
    const [a, b] = await Promise.all([list, list.then((p) => p)])
    expect(a).toBe(b)
    let settled = false
    await list.finally(() => {
      settled = true
    })
    expect(settled).toBe(true)
  })

  it('getNextPage walks the pages until hasNextPage() is false', async () => {
    let page = await clockhook.workers.list({ limit: 2 })
    const seen = [...page.data.map((w) => w.name)]
    let pages = 1
    while (page.hasNextPage()) {
      page = await page.getNextPage()
      seen.push(...page.data.map((w) => w.name))
      pages++
    }
    expect(seen).toEqual(names)
    expect(pages).toBe(3)
    await expect(page.getNextPage()).rejects.toThrow(/no next page/)
  })

  it('for await over a list yields every item of every page', async () => {
    const seen: string[] = []
    for await (const worker of clockhook.workers.list({ limit: 2 })) seen.push(worker.name)
    expect(seen).toEqual(names)
  })

  it('for await over a page starts at that page', async () => {
    const second = await (await clockhook.workers.list({ limit: 2 })).getNextPage()
    const seen: string[] = []
    for await (const worker of second) seen.push(worker.name)
    expect(seen).toEqual(['w3', 'w4', 'w5'])
  })

  it('the pull API pages with after/next_cursor, in order and without gaps', async () => {
    const types: string[] = []
    for await (const event of clockhook.events.list({ limit: 2, types: ['worker.created'] })) {
      if (event.type === 'worker.created' && 'worker_name' in event.data)
        types.push(event.data.worker_name)
    }
    expect(types).toEqual(names)
    const first = await clockhook.events.list({ limit: 3 })
    const rest = await clockhook.events.list({ limit: 3, after: first.next_cursor! })
    expect([...first.data, ...rest.data].map((e) => e.id)).toEqual(
      (await clockhook.events.list({ limit: 6 })).data.map((e) => e.id),
    )
  })

  it('the pull API long-polls with wait until an event arrives', async () => {
    const { next_cursor } = await clockhook.events.list({ limit: 1000 })
    const waiting = clockhook.events.list({ after: next_cursor!, wait: 20 })
    const { data: worker } = await clockhook.workers.create({ name: 'late' })
    const page = await waiting
    expect(page.data.map((e) => e.type)).toEqual(['worker.created'])
    expect(page.data[0]!.data).toMatchObject({ worker_id: worker.id })
  })

  it('a list that fails rejects both the await and the for await', async () => {
    const bad = new Clockhook({ apiKey: 'ck_nope', baseUrl: server.url, maxRetries: 0 })
    await expect(bad.workers.list()).rejects.toMatchObject({ status: 401 })
    const iterate = async () => {
      for await (const _ of bad.workers.list()) {
      }
    }
    await expect(iterate()).rejects.toMatchObject({ status: 401 })
  })
})
