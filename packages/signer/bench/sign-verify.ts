// Sign and verify of a 1 KiB body, against raw createHmac and the standardwebhooks
// package, measured in one run. Prints ops/s and ratios; never fails.
import { createHmac, createSecretKey, randomBytes } from 'node:crypto'
import { generateSecret, Webhook } from '@clockhook/signer'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { Bench } from 'tinybench'

const secret = generateSecret()
const keyBytes = Buffer.from(secret.slice('whsec_'.length), 'base64')
const prefix = '{"type":"clock.in","data":{"pad":"'
const body = `${prefix}${randomBytes(512)
  .toString('hex')
  .slice(0, 1024 - prefix.length - 3)}"}}`
const keyObject = createSecretKey(keyBytes)
const msgId = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W'
const date = new Date()
const ours = new Webhook(secret)
const theirs = new StandardWebhook(secret)
const headers = ours.signHeaders(msgId, date, body)
const ts = headers['webhook-timestamp']

const bench = new Bench({ time: Number(process.env.BENCH_TIME_MS ?? 1500), warmup: true })
bench
  .add('raw createHmac sign', () => {
    createHmac('sha256', keyBytes).update(`${msgId}.${ts}.${body}`).digest('base64')
  })
  .add('raw createHmac sign (KeyObject)', () => {
    createHmac('sha256', keyObject).update(`${msgId}.${ts}.${body}`).digest('base64')
  })
  .add('@clockhook/signer sign', () => {
    ours.sign(msgId, date, body)
  })
  .add('standardwebhooks sign', () => {
    theirs.sign(msgId, date, body)
  })
  .add('@clockhook/signer verify', () => {
    ours.verify(body, headers)
  })
  .add('standardwebhooks verify', () => {
    theirs.verify(body, headers)
  })
  .add('@clockhook/signer verifyAsync (Web Crypto)', async () => {
    await ours.verifyAsync(body, headers)
  })

await bench.run()

const hz = Object.fromEntries(bench.tasks.map((t) => [t.name, t.result?.throughput?.mean ?? 0]))
const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
console.log(`body ${body.length} B, node ${process.version}`)
for (const [name, ops] of Object.entries(hz))
  console.log(`${name.padEnd(44)} ${fmt(ops).padStart(10)} ops/s`)
const ratio = (a: string, b: string) => ((hz[a] ?? 0) / (hz[b] ?? 1)).toFixed(2)
console.log(
  `sign   vs raw createHmac:        ${ratio('@clockhook/signer sign', 'raw createHmac sign')}×  (target ≥ 0.9×)`,
)
console.log(
  `verify vs standardwebhooks:      ${ratio('@clockhook/signer verify', 'standardwebhooks verify')}×  (target ≥ 3×)`,
)
console.log(
  `sign   vs raw createHmac(KeyObject): ${ratio('@clockhook/signer sign', 'raw createHmac sign (KeyObject)')}×`,
)
console.log(
  `sign   vs standardwebhooks:      ${ratio('@clockhook/signer sign', 'standardwebhooks sign')}×`,
)
