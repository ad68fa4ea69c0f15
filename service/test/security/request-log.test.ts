import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Fastify, { type FastifyInstance } from 'fastify'
import app from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { serverOptions } from '../../src/server-options.js'
import { loggerOptions, redactUrl } from '../../src/logging.js'
import { testDatabaseUri } from '../helpers/app.js'
import { userHeaders } from '../helpers/content.js'
import { TEST_APP } from '../helpers/tokens.js'

// Issue 16 finding 3: the widget sends the chief's draft question as ?q=, and request logs
// recorded full URLs. The server's own logger settings must keep search text out of the log.
const DRAFT = 'Mój klient Jan Kowalski PESEL 85010112345 nie może wystawić faktury'
const lines: string[] = []
let server: FastifyInstance

beforeAll(async () => {
  const config = loadConfig({}, { mongodbUri: testDatabaseUri(), logLevel: 'info', appCacheTtlMs: 0 })
  const stream = new PassThrough()
  stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)))
  server = Fastify(serverOptions(config, loggerOptions(config, stream)))
  await server.register(app, { config })
  await server.ready()
  await server.apps.upsert(TEST_APP)
})
afterAll(() => server.close())

describe('request logs', () => {
  it('never contain search text, from any route or error path', async () => {
    const q = encodeURIComponent(DRAFT)
    const headers = await userHeaders('chiefOffice')
    for (const url of [`/api/v1/suggestions?q=${q}`, `/api/v1/articles?q=${q}&category=x`, `/api/v1/forum/threads?q=${q}`, `/api/v1/nope?q=${q}`, `/api/v1/articles?q=${q}&limit=oops`]) {
      await server.inject({ method: 'GET', url, headers })
    }
    await server.inject({ method: 'GET', url: `/admin/v1/cases?q=${q}`, headers: { authorization: 'Bearer zek_wrong' } })
    const log = lines.join('\n')
    expect(log).toContain('/api/v1/suggestions?q') // the requests were logged…
    for (const secret of ['Kowalski', '85010112345', 'Kowalski'.toLowerCase(), encodeURIComponent('Mój')]) expect(log).not.toContain(secret) // …without the draft
  })

  it('keeps parameter names only', () => {
    expect(redactUrl('/api/v1/articles?q=faktura&category=vat&q=again')).toBe('/api/v1/articles?q&category')
    expect(redactUrl('/healthz')).toBe('/healthz')
  })
})
