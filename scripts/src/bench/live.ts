import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http'
import { fmt, type Figure, type SetResult } from './lib/results.js'
import { machine } from './lib/machine.js'
import { memoryOf } from './lib/rss.js'
import { percentile, median } from './lib/stats.js'
import { prepareTenant, startDatabase, startService, type RunningProcess } from './lib/stack.js'

const REPLIES = Number(process.env.BENCH_LIVE_REPLIES ?? 40)
const IDLE = Number(process.env.BENCH_LIVE_IDLE ?? 1000)
const TARGET_P95_MS = 2000

interface Stream {
  req: ClientRequest
  res: IncomingMessage
}

/** Opens an SSE stream; `onFrame` sees each frame's event name and data. */
function openStream(url: string, token: string, onFrame?: (event: string, data: string) => void): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent: false, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`))
      res.setEncoding('utf8')
      let buffer = ''
      res.on('data', (chunk: string) => {
        if (!onFrame) return
        buffer += chunk
        let cut
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut)
          buffer = buffer.slice(cut + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (event && data) onFrame(event, data)
        }
      })
      resolve({ req, res })
    })
    req.on('error', reject)
    req.end()
  })
}

async function post(url: string, headers: Record<string, string>, form: FormData): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers, body: form })
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`)
  return res.json()
}

/** One reply acknowledged by `via`, timed until its `message` frame arrives on the stream. */
async function deliveries(via: RunningProcess, expertKey: string, caseId: string, count: number, arrived: Map<string, number>): Promise<number[]> {
  const latencies: number[] = []
  for (let i = 0; i < count; i++) {
    const form = new FormData()
    form.append('body', `Odpowiedź ${i}`)
    const sent = performance.now()
    const { message } = await post(`${via.url}/admin/v1/cases/${caseId}/messages`, { authorization: `Bearer ${expertKey}` }, form)
    const deadline = sent + 10_000
    while (!arrived.has(message.id) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5))
    latencies.push((arrived.get(message.id) ?? Number.POSITIVE_INFINITY) - sent)
    // Spread the replies over the poll period instead of always landing just after a read.
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 300))
  }
  return latencies
}

/**
 * Two service processes on one database: replies acknowledged by A, timed until they reach a
 * chief's stream on B (p50/p95); then IDLE idle streams held on each instance, with the RSS
 * growth per connection and the latency again with all of them connected.
 */
export async function liveBench(): Promise<SetResult> {
  const started = Date.now()
  const at = machine()
  const db = await startDatabase()
  const tenant = await prepareTenant(db.serverUri)
  const a = await startService(tenant.mongodbUri)
  const b = await startService(tenant.mongodbUri)
  const streams: Stream[] = []
  try {
    const token = await tenant.token('chief-office')
    const form = new FormData()
    form.append('question', 'Jak działa powiadamianie na żywo?')
    form.append('entryPoint', 'sidebar')
    const { case: c } = await post(`${a.url}/api/v1/cases`, { authorization: `Bearer ${token}` }, form)
    const arrived = new Map<string, number>()
    streams.push(
      await openStream(`${b.url}/api/v1/events`, token, (event, data) => {
        if (event === 'message') arrived.set((JSON.parse(data) as { messageId: string }).messageId, performance.now())
      })
    )
    await deliveries(a, tenant.expertKey, c.id, 3, arrived) // warm-up
    const quiet = await deliveries(a, tenant.expertKey, c.id, REPLIES, arrived)
    console.log(`[bench] live: ${REPLIES} replies A→B, p50 ${fmt.ms(percentile(quiet, 50))} p95 ${fmt.ms(percentile(quiet, 95))}`)

    const before = { a: memoryOf(a.pid).rss, b: memoryOf(b.pid).rss }
    const idleToken = await tenant.token('chief-client')
    for (const target of [a, b]) for (let i = 0; i < IDLE; i++) streams.push(await openStream(`${target.url}/api/v1/events`, idleToken))
    await new Promise((r) => setTimeout(r, 2000))
    const after = { a: memoryOf(a.pid).rss, b: memoryOf(b.pid).rss }
    const perConnection = { a: (after.a - before.a) / IDLE, b: (after.b - before.b) / IDLE }
    console.log(`[bench] live: ${IDLE} idle streams per instance, RSS +${fmt.mb(after.a - before.a)} (A) +${fmt.mb(after.b - before.b)} (B)`)
    const loaded = await deliveries(a, tenant.expertKey, c.id, REPLIES, arrived)
    console.log(`[bench] live with ${2 * IDLE} idle streams: p50 ${fmt.ms(percentile(loaded, 50))} p95 ${fmt.ms(percentile(loaded, 95))}`)

    const p95 = percentile(quiet, 95)
    const p95Loaded = percentile(loaded, 95)
    const figures: Figure[] = [
      { name: 'reply acknowledged by A → frame on a stream on B, p50', value: fmt.ms(percentile(quiet, 50)) },
      { name: 'reply acknowledged by A → frame on a stream on B, p95', value: fmt.ms(p95), target: `≤ ${TARGET_P95_MS} ms`, met: p95 <= TARGET_P95_MS },
      { name: `the same with ${IDLE} idle streams on each instance, p50`, value: fmt.ms(percentile(loaded, 50)) },
      {
        name: `the same with ${IDLE} idle streams on each instance, p95`,
        value: fmt.ms(p95Loaded),
        target: `≤ ${TARGET_P95_MS} ms`,
        met: p95Loaded <= TARGET_P95_MS
      },
      { name: 'RSS per idle stream (instance A)', value: fmt.kb(perConnection.a) },
      { name: 'RSS per idle stream (instance B)', value: fmt.kb(perConnection.b) },
      { name: `RSS of each instance with ${IDLE} idle streams`, value: `${fmt.mb(after.a)} / ${fmt.mb(after.b)}` }
    ]
    return {
      set: 'live',
      title: '6. Live events across two instances',
      machine: at,
      durationSeconds: (Date.now() - started) / 1000,
      figures,
      rounds: [
        `quiet latencies (ms): ${quiet.map((n) => Math.round(n)).join(', ')}`,
        `with idle streams (ms): ${loaded.map((n) => Math.round(n)).join(', ')}`,
        `median quiet ${fmt.ms(median(quiet))}`
      ],
      notes: [
        `Two built service processes on one database (EVENTS_POLL_MS default 300 ms). ${REPLIES} expert replies are posted to A one after another, 50–350 ms apart; each is timed from sending the request until its \`message\` frame arrives on a chief's stream held on B. The follower's database cost is one counter read per instance per poll plus one bucket read when the feed moved, whatever the number of streams.`,
        `RSS per idle stream: growth of each process's VmRSS after ${IDLE} chief streams were opened on it (a separate socket each), divided by ${IDLE}; includes Node's socket and HTTP parser objects. The idle streams belong to the same office as the timed one (worst case): every reply is fanned out to all of them and recounts that office's unread cases once per instance.`
      ]
    }
  } finally {
    for (const s of streams) s.req.destroy()
    await Promise.all([a.stop(), b.stop()])
    await tenant.data.close()
    await db.stop()
  }
}
