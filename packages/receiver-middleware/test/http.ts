import { request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Answer {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers in tests
  body: any
}

/** POSTs a body with its headers and parses the JSON answer (if any). */
export async function post(
  url: string,
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', body, headers })
  const text = await res.text()
  const json = res.headers.get('content-type')?.includes('json')
  return { status: res.status, body: json ? JSON.parse(text) : text || null }
}

/** POSTs a body in chunks with no content-length (chunked transfer encoding). */
export function postChunked(
  url: string,
  headers: Record<string, string>,
  chunk: string,
  times: number,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c) => {
        text += c
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
      res.on('error', reject)
    })
    req.on('error', () => {})
    let sent = 0
    const write = () => {
      while (sent < times) {
        sent++
        if (!req.write(chunk)) return req.once('drain', write)
      }
      req.end()
    }
    write()
  })
}

/** Listens on 127.0.0.1, port 0; resolves to the base URL and a closer. */
export async function listen(server: Server) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
