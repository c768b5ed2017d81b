import { describe, expect, it } from 'vitest'
import { main } from '../examples/embed'

describe('the README example', () => {
  it('delivers a verified clock.in from a transactional send', async () => {
    const lines: string[] = []
    const event = await main((line) => lines.push(line))
    expect(event).toMatchObject({
      type: 'clock.in',
      data: { entry_id: 'te_1', worker_id: 'wkr_1' },
    })
    expect(lines[0]).toMatch(/verified/)
  })
})
