// The comparison server of the API benchmark: bare Fastify and the bare mongodb driver making
// the same database reads as the service's GET /api/v1/cases and /me — the list's segment
// directory, then whole segments by one equality, and the segment counters for the totals
// (docs/adr/0100-bounded-hot-queries.md) — without
// auth, validation, mongoose or response schemas. Started as its own process by lib/stack.ts.
import Fastify from 'fastify'
import { MongoClient, type Document } from 'mongodb'
import { chiefList, chiefUnreadList } from '@ze/service/case-lists'

const uri = process.env.MONGODB_URI!
const client = await new MongoClient(uri, { maxPoolSize: 50 }).connect()
const cases = client.db().collection('cases')
const segments = client.db().collection<{ _id: string; list: string; loT: number | null; loI: string | null; n: number }>('case_segments')
const app = Fastify({ logger: false })

interface TenantQuery {
  appId: string
  officeId: string
}

const newestFirst = (a: Document, b: Document) => b.lastActivityAt - a.lastActivityAt || (String(b._id) < String(a._id) ? -1 : 1)
const segmentsNewestFirst = async (list: string) =>
  (await segments.find({ list }).toArray()).sort((a, b) => (b.loT ?? -Infinity) - (a.loT ?? -Infinity) || ((b.loI ?? '') < (a.loI ?? '') ? -1 : 1))

const listSize = async (list: string) => (await segments.find({ list }).toArray()).reduce((sum, s) => sum + Math.max(0, s.n), 0)

app.get('/hello', async () => ({ hello: 'world' }))

app.get<{ Querystring: TenantQuery }>('/cases', async (request) => {
  const { appId, officeId } = request.query
  const list = chiefList(appId, officeId, false)
  // As the service: the page, and beside it the first page's total from the segment counters.
  const [docs, total] = await Promise.all([
    (async () => {
      const found: Document[] = []
      for (const s of await segmentsNewestFirst(list)) {
        found.push(...(await cases.find({ listSeg: s._id }).toArray()))
        if (found.length > 20) break
      }
      return found.sort(newestFirst).slice(0, 21)
    })(),
    listSize(list)
  ])
  return { items: docs.slice(0, 20).map(({ _id, ...rest }) => ({ id: String(_id), ...rest })), nextCursor: docs.length > 20 ? 'x' : null, total }
})

app.get<{ Querystring: TenantQuery }>('/me', async (request) => {
  const { appId, officeId } = request.query
  return { unreadCount: await listSize(chiefUnreadList(appId, officeId, false, true)) }
})

app.addHook('onClose', () => client.close())
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
