// The comparison server of the API benchmark: bare Fastify and the bare mongodb driver, the
// same queries as the service's GET /api/v1/cases and /me, without auth, validation,
// mongoose or response schemas. Started as its own process by lib/stack.ts.
import Fastify from 'fastify'
import { MongoClient } from 'mongodb'

const uri = process.env.MONGODB_URI!
const client = await new MongoClient(uri, { maxPoolSize: 50 }).connect()
const cases = client.db().collection('cases')
const app = Fastify({ logger: false })

interface TenantQuery {
  appId: string
  officeId: string
}

app.get('/hello', async () => ({ hello: 'world' }))

app.get<{ Querystring: TenantQuery }>('/cases', async (request) => {
  const { appId, officeId } = request.query
  const docs = await cases.find({ appId, officeId, archived: false }).sort({ lastActivityAt: -1, _id: -1 }).limit(21).toArray()
  return { items: docs.slice(0, 20).map(({ _id, ...rest }) => ({ id: String(_id), ...rest })), nextCursor: docs.length > 20 ? 'x' : null }
})

app.get<{ Querystring: TenantQuery }>('/me', async (request) => {
  const { appId, officeId } = request.query
  return { unreadCount: await cases.countDocuments({ appId, officeId, chiefUnread: true, archived: false }) }
})

app.addHook('onClose', () => client.close())
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
