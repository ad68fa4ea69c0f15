// The comparison server of the API benchmark: bare Fastify and the bare mongodb driver making
// the same database reads as the service's GET /api/v1/cases and /me — the list's segment
// directory, then whole segments by one equality (docs/adr/0100-bounded-hot-queries.md) — without
// auth, validation, mongoose or response schemas. Started as its own process by lib/stack.ts.
import Fastify from 'fastify'
import { MongoClient, type Document } from 'mongodb'
import { chiefList, chiefUnreadList } from '@ze/service/case-lists'

const uri = process.env.MONGODB_URI!
const client = await new MongoClient(uri, { maxPoolSize: 50 }).connect()
const cases = client.db().collection('cases')
const segments = client.db().collection<{ _id: string; list: string; loT: number | null; loI: string | null }>('case_segments')
const app = Fastify({ logger: false })

interface TenantQuery {
  appId: string
  officeId: string
}

const newestFirst = (a: Document, b: Document) => b.lastActivityAt - a.lastActivityAt || (String(b._id) < String(a._id) ? -1 : 1)
const segmentsNewestFirst = async (list: string) =>
  (await segments.find({ list }).toArray()).sort((a, b) => (b.loT ?? -Infinity) - (a.loT ?? -Infinity) || ((b.loI ?? '') < (a.loI ?? '') ? -1 : 1))

app.get('/hello', async () => ({ hello: 'world' }))

app.get<{ Querystring: TenantQuery }>('/cases', async (request) => {
  const { appId, officeId } = request.query
  const found: Document[] = []
  for (const s of await segmentsNewestFirst(chiefList(appId, officeId, false))) {
    found.push(...(await cases.find({ listSeg: s._id }).toArray()))
    if (found.length > 20) break
  }
  const docs = found.sort(newestFirst).slice(0, 21)
  return { items: docs.slice(0, 20).map(({ _id, ...rest }) => ({ id: String(_id), ...rest })), nextCursor: docs.length > 20 ? 'x' : null }
})

app.get<{ Querystring: TenantQuery }>('/me', async (request) => {
  const { appId, officeId } = request.query
  const counts = await Promise.all(
    (await segments.find({ list: chiefUnreadList(appId, officeId, false, true) }).toArray()).map((s) => cases.countDocuments({ unreadSeg: s._id }))
  )
  return { unreadCount: counts.reduce((a, b) => a + b, 0) }
})

app.addHook('onClose', () => client.close())
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
