import { describe, expect, it } from 'vitest'
import { loadBuilds, MSG_ID, PAYLOAD, SECRET } from './peers/harness'

const builds = await loadBuilds()

async function thrown(action: () => unknown): Promise<unknown> {
  try {
    await action()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('errors across module copies', () => {
  it('instanceof holds between the ESM and CJS builds and their two entries (dual-package hazard)', async () => {
    const headers = { 'webhook-id': MSG_ID, 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' }
    for (const from of builds) {
      const errors = [
        await thrown(() => new from.main.Webhook(SECRET).verify(PAYLOAD, headers)),
        await thrown(() => from.edge.createVerifier(SECRET)(PAYLOAD, headers)),
      ]
      for (const to of builds) {
        for (const error of errors) {
          expect(error, `${from.name} → ${to.name}`).toBeInstanceOf(
            to.main.WebhookVerificationError,
          )
          expect(error).toBeInstanceOf(to.main.WebhookError)
          expect(error).toBeInstanceOf(to.edge.WebhookVerificationError)
          expect(error).toBeInstanceOf(Error)
        }
        const setup = await thrown(() => new from.main.Webhook(''))
        expect(setup).toBeInstanceOf(to.main.WebhookError)
        expect(setup).not.toBeInstanceOf(to.main.WebhookVerificationError)
      }
    }
  })

  it('keeps instanceof exact for other values and for user subclasses', () => {
    const [{ main }] = builds as [(typeof builds)[0]]
    class Custom extends main.WebhookVerificationError {}
    expect(new Custom('x')).toBeInstanceOf(main.WebhookVerificationError)
    expect(new main.WebhookVerificationError('x')).not.toBeInstanceOf(Custom)
    for (const value of [new Error('x'), null, undefined, 'WebhookError', { code: 'x' }]) {
      expect(value).not.toBeInstanceOf(main.WebhookError)
    }
  })
})
