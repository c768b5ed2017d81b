import type { Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Dispatcher } from '../src/index'
import { createDispatcher } from '../src/index'
import type { HostDb, StoreHandle } from './helpers/stores'
import { storeFactories } from './helpers/stores'

const URL = 'https://example.com/hooks'

// The management methods join the host's transaction, so a host writes a change and its
// audit entry together: both commit, or neither does.
for (const factory of storeFactories.filter((f) => f.name !== 'memory')) {
  describe.skipIf(!factory.available)(
    `management in the host's transaction: ${factory.name}`,
    () => {
      let handle: StoreHandle
      let host: Kysely<HostDb>
      let d: Dispatcher

      beforeEach(async () => {
        handle = await factory.create()
        host = handle.kysely!
        await host.schema
          .createTable('host_entries')
          .ifNotExists()
          .addColumn('id', 'text', (c) => c.primaryKey())
          .execute()
        d = createDispatcher({ store: handle.store })
      })
      afterEach(async () => {
        await handle.cleanup()
      })

      const auditIds = async () =>
        (await host.selectFrom('host_entries').select('id').orderBy('id').execute()).map(
          (r) => r.id,
        )

      it('commits endpoint changes together with the host write', async () => {
        const { endpoint } = await host.transaction().execute(async (trx) => {
          const created = await d.createEndpoint({ url: URL }, { trx })
          await d.updateEndpoint(created.endpoint.id, { description: 'payroll' }, { trx })
          await d.rotateSecret(created.endpoint.id, { trx })
          await trx.insertInto('host_entries').values({ id: 'audit_1' }).execute()
          return created
        })
        expect(await d.getEndpoint(endpoint.id)).toMatchObject({ description: 'payroll' })
        expect(await d.getEndpointSecrets(endpoint.id)).toHaveLength(2)
        expect(await auditIds()).toEqual(['audit_1'])
        await host.transaction().execute(async (trx) => {
          await d.deleteEndpoint(endpoint.id, { trx })
          await trx.insertInto('host_entries').values({ id: 'audit_2' }).execute()
        })
        await expect(d.getEndpoint(endpoint.id)).rejects.toMatchObject({ code: 'not_found' })
        expect(await auditIds()).toEqual(['audit_1', 'audit_2'])
      })

      it('leaves nothing behind when the host rolls back', async () => {
        const { endpoint } = await d.createEndpoint({ url: URL })
        const { deliveryIds } = await d.send({ type: 'clock.in', data: {} })
        const before = {
          endpoints: await d.listEndpoints(),
          secrets: await d.getEndpointSecrets(endpoint.id),
          delivery: await d.getDelivery(deliveryIds[0]!),
        }
        await expect(
          host.transaction().execute(async (trx) => {
            await d.createEndpoint({ id: 'ep_rolled_back', url: URL }, { trx })
            await d.updateEndpoint(endpoint.id, { description: 'changed', enabled: false }, { trx })
            await d.rotateSecret(endpoint.id, { trx })
            await d.resend(deliveryIds[0]!, { trx })
            await d.recover(endpoint.id, { since: 0, trx })
            await d.deleteEndpoint(endpoint.id, { trx })
            await trx.insertInto('host_entries').values({ id: 'audit_1' }).execute()
            throw new Error('rolled back')
          }),
        ).rejects.toThrow('rolled back')
        expect(await d.listEndpoints()).toEqual(before.endpoints)
        expect(await d.getEndpointSecrets(endpoint.id)).toEqual(before.secrets)
        expect(await d.getDelivery(deliveryIds[0]!)).toEqual(before.delivery)
        expect(await auditIds()).toEqual([])
      })
    },
  )
}
