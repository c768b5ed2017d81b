import { describe, expect, it } from 'vitest'
import { grantPermits, MAX_CLOCK_SKEW_MS } from '../src/store/rules'

const rate = (ratePerSecond: number) => ({ ratePerSecond, maxConcurrency: null })

describe('the permit rule (GCRA)', () => {
  it('grants a burst of one second, then one per interval', () => {
    const first = grantPermits({ rateTat: null, busy: 0 }, rate(50), 80, 1000)
    expect(first.granted).toBe(50)
    const next = grantPermits({ rateTat: first.rateTat, busy: 0 }, rate(50), 80, 1020)
    expect(next.granted).toBe(1)
  })

  it('never grants more to a worker whose clock reading is older (it waited for its turn)', () => {
    // another worker just took the last permit at t = 1005
    const taken = grantPermits({ rateTat: null, busy: 0 }, rate(50), 50, 1005)
    // a worker that read its clock at 1000, then waited for the lock
    const late = grantPermits({ rateTat: taken.rateTat, busy: 0 }, rate(50), 10, 1000)
    expect(late.granted).toBe(0)
    expect(late.rateTat).toBe(taken.rateTat)
  })

  it('holds the others back by a bounded time when a worker’s clock runs hours ahead', () => {
    const now = 1_000_000
    const skewed = grantPermits({ rateTat: null, busy: 0 }, rate(50), 50, now + 6 * 3_600_000)
    const honest = grantPermits({ rateTat: skewed.rateTat, busy: 0 }, rate(50), 1, now)
    expect(honest.granted).toBe(0)
    expect(honest.retryAfterMs).toBeLessThanOrEqual(20 + MAX_CLOCK_SKEW_MS + 1)
  })

  it('counts every worker’s permits against maxConcurrency', () => {
    const limits = { ratePerSecond: null, maxConcurrency: 4 }
    expect(grantPermits({ rateTat: null, busy: 3 }, limits, 5, 0)).toMatchObject({
      granted: 1,
      retryAfterMs: null,
    })
    expect(grantPermits({ rateTat: null, busy: 4 }, limits, 5, 0).granted).toBe(0)
  })
})
