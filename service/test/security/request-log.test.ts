import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Fastify, { type FastifyInstance } from 'fastify'
import app from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { serverOptions } from '../../src/server-options.js'
import { loggerOptions, redactUrl, serializeError } from '../../src/logging.js'
import { testDatabaseUri } from '../helpers/app.js'
import { expertHeaders, userHeaders } from '../helpers/content.js'
import { createCase, freshChief } from '../helpers/factories.js'
import { TEST_APP } from '../helpers/tokens.js'

// Issue 16 finding 3: the widget sends the chief's draft question as ?q=, and request logs
// recorded full URLs. The server's own logger settings must keep search text out of the log.
const DRAFT = 'Mój klient Jan Kowalski PESEL 85010112345 nie może wystawić faktury'
const lines: string[] = []
let server: FastifyInstance

beforeAll(async () => {
  // trace: everything the service and Fastify would ever log, not only what production keeps.
  const config = loadConfig({}, { mongodbUri: testDatabaseUri(), logLevel: 'trace', appCacheTtlMs: 0 })
  const stream = new PassThrough()
  stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)))
  server = Fastify(serverOptions(config, loggerOptions(config, stream)))
  await server.register(app, { config })
  // A real driver error as a failing route would meet it: a duplicate key carries the document.
  server.post('/test/duplicate', async (request) => {
    const collection = server.db.db!.collection('log_probe')
    await collection.createIndex({ email: 1 }, { unique: true })
    const doc = request.body as Record<string, string>
    await collection.insertOne({ ...doc })
    await collection.insertOne({ ...doc })
  })
  await server.ready()
  await server.apps.upsert(TEST_APP)
})
afterAll(() => server.close())

describe('request logs', () => {
  it('never contain search text, from any route or error path', async () => {
    const q = encodeURIComponent(DRAFT)
    const headers = await userHeaders('chiefOffice')
    for (const url of [
      `/api/v1/suggestions?q=${q}`,
      `/api/v1/articles?q=${q}&category=x`,
      `/api/v1/forum/threads?q=${q}`,
      `/api/v1/nope?q=${q}`,
      `/api/v1/articles?q=${q}&limit=oops`
    ]) {
      await server.inject({ method: 'GET', url, headers })
    }
    await server.inject({ method: 'GET', url: `/admin/v1/cases?q=${q}`, headers: { authorization: 'Bearer zek_wrong' } })
    const log = lines.join('\n')
    expect(log).toContain('/api/v1/suggestions?q') // the requests were logged…
    for (const secret of ['Kowalski', '85010112345', 'Kowalski'.toLowerCase(), encodeURIComponent('Mój')]) expect(log).not.toContain(secret) // …without the draft
  })

  it('never contain tokens, API keys, cookies, Authorization, message or e-mail bodies, in requests, errors or log calls', async () => {
    const chiefToken = (await userHeaders('chiefOffice')).authorization!
    const expert = await expertHeaders(server)
    const expertKey = expert.headers.authorization!
    const cookie = '__Host-ze_session=ses_S3cr3tSessionValue0123456789'
    const unsubscribeToken = 'unsub_T0kenValue0123456789abcdef'
    const body = 'Treść wiadomości: Anna Nowak, konto 61109010140000071219812874'
    const headers = { authorization: chiefToken, cookie, 'x-api-key': 'zek_ApiKeyValue0123456789' }
    await createCase(server, freshChief(), { question: body })
    await server.inject({ method: 'GET', url: '/api/v1/cases', headers })
    await server.inject({ method: 'GET', url: '/admin/v1/cases', headers: { ...expert.headers, cookie } })
    await server.inject({ method: 'GET', url: '/admin/v1/cases', headers: { authorization: 'Bearer zek_WrongKeyValue0123456789' } })
    await server.inject({ method: 'GET', url: `/unsubscribe?token=${unsubscribeToken}` })
    await server.inject({ method: 'POST', url: '/test/duplicate', payload: { email: 'anna.nowak@biuro.test', body } })
    // Log calls that put such values under the usual names, as future code might.
    server.log.info(
      { token: unsubscribeToken, mail: { to: 'x', subject: body, html: body, text: body }, headers: { authorization: expertKey, cookie } },
      'probe'
    )

    const log = lines.join('\n')
    expect(log).toContain('"statusCode":500') // the failing route was logged…
    expect(log).toContain('E11000') // …with the error's message and code…
    expect(log).toContain('"msg":"probe"')
    for (const secret of [
      chiefToken.slice('Bearer '.length),
      expertKey.slice('Bearer '.length),
      'zek_WrongKeyValue0123456789',
      'zek_ApiKeyValue0123456789',
      'ses_S3cr3tSessionValue0123456789',
      unsubscribeToken,
      'Anna Nowak',
      '61109010140000071219812874',
      'anna.nowak@biuro.test'
    ]) {
      expect(log, secret).not.toContain(secret) // …but without a secret or a word anyone wrote
    }
  })

  it("drops MongoDB's duplicate value from an error's message and stack (FerretDB does not name it; MongoDB does)", () => {
    const err = Object.assign(new Error('E11000 duplicate key error collection: ze.chiefs index: email_1 dup key: { email: "anna.nowak@biuro.test" }'), {
      code: 11000,
      keyValue: { email: 'anna.nowak@biuro.test' }
    })
    const logged = JSON.stringify(serializeError(err))
    expect(logged).toContain('E11000 duplicate key error')
    expect(logged).toContain('"code":11000')
    expect(logged).not.toContain('anna.nowak')
  })

  it('keeps parameter names only', () => {
    expect(redactUrl('/api/v1/articles?q=faktura&category=vat&q=again')).toBe('/api/v1/articles?q&category')
    expect(redactUrl('/healthz')).toBe('/healthz')
  })
})
