// Issue 17: two service instances on one database behind a round-robin proxy (TRUST_PROXY on),
// as docs/deploy.md deploys them. The widget's event stream is held by one instance while the
// expert answers through the other, and a rate limit counts requests that alternate between them.
import { createHash } from 'node:crypto'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PersonaId } from '@ze/testkit/personas'
import { signPersonaToken } from '@ze/testkit/sign-token'
import { caseRow, closePagesAfterEach, env, openDemo, openMojePytania, pngFile, screenshot, unique } from './helpers.js'
import { startStack, type Stack } from './stack.js'

closePagesAfterEach()

const SIGN_IN_LINKS = 4
let stack: Stack

beforeAll(async () => {
  // Its own database (and Mailpit, demo host) on the suite's database server.
  stack = await startStack({ instances: 2, database: env().database, serviceEnv: { SIGN_IN_LINK_RATE_MAX: String(SIGN_IN_LINKS) } })
}, 300_000)
afterAll(() => stack?.stop())

const bearer = async (persona: PersonaId) => `Bearer ${await signPersonaToken(persona, stack.appSecret)}`
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** POST /admin/v1/session/link through the proxy from a given loopback address (the proxy's X-Forwarded-For). */
function askSignInLink(email: string, from = '127.0.0.1'): Promise<{ status: number; body: string; servedBy: string }> {
  const url = new URL('/admin/v1/session/link', stack.serviceUrl)
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json' } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, servedBy: String(res.headers['x-served-by']) }))
    })
    req.on('error', reject)
    req.end(JSON.stringify({ email }))
  })
}

describe('two service instances behind a proxy', () => {
  it('an expert answering through one instance reaches the widget streaming from the other, live', async () => {
    const question = unique('Czy faktura zaliczkowa wymaga JPK?')
    // A multipart upload through the proxy; the attachment comes back byte-identical from both instances.
    const fd = new FormData()
    fd.append('question', question)
    fd.append('subject', question)
    fd.append('entryPoint', 'avatar')
    const file = pngFile('przez-proxy.png')
    fd.append('files', new Blob([new Uint8Array(file.buffer)], { type: file.mimeType }), file.name)
    const created = await fetch(`${stack.serviceUrl}/api/v1/cases`, { method: 'POST', headers: { authorization: await bearer('chief-office') }, body: fd })
    expect(created.status).toBe(201)
    const { case: kase } = (await created.json()) as { case: { id: string } }
    for (const base of stack.instanceUrls) {
      const thread = (await (await fetch(`${base}/api/v1/cases/${kase.id}`, { headers: { authorization: await bearer('chief-office') } })).json()) as {
        messages: { attachments: { id: string }[] }[]
      }
      const attachment = thread.messages[0]!.attachments[0]!
      const download = await fetch(`${base}/api/v1/attachments/${attachment.id}`, { headers: { authorization: await bearer('chief-office') } })
      expect(download.status).toBe(200)
      expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(sha256(file.buffer))
    }

    const demo = await openDemo('chief-office', `${stack.demoUrl}/`)
    const { page } = demo
    const list = await openMojePytania(page)
    await caseRow(list, question).getByRole('button').filter({ hasText: question }).click()
    const conversation = list.getByRole('article')
    await conversation.getByText(question).first().waitFor()
    // Which instance holds the widget's event stream: the proxy knows.
    const stream = () => stack.proxy!.forwarded.filter((f) => f.path.startsWith('/api/v1/events') && f.status === 200).at(-1)
    await expect.poll(stream, { timeout: 15_000 }).toBeTruthy()
    const streaming = stream()!.instance
    const other = stack.instanceUrls[1 - streaming]!

    const reply = 'Tak: faktura zaliczkowa trafia do JPK_V7 w miesiącu otrzymania zaliczki.'
    const answer = new FormData()
    answer.append('body', reply)
    const sent = await fetch(`${other}/admin/v1/cases/${kase.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.expertKey}` },
      body: answer
    })
    expect(sent.status).toBe(201)
    await conversation.getByText(reply).waitFor({ timeout: 15_000 })
    // Shown by the stream, not by a reload: the stream that delivered it is still the same one.
    expect(stream()!.instance).toBe(streaming)
    await screenshot(page, 'dwie-instancje-odpowiedz-na-zywo')
  })

  it('a rate limit counts requests alternating between the instances, per client address from X-Forwarded-For', async () => {
    const stamp = Date.now()
    const answers = []
    for (let i = 0; i < SIGN_IN_LINKS; i++) answers.push(await askSignInLink(`nikt.${stamp}.${i}@example.pl`))
    expect(answers.map((a) => a.status)).toEqual(Array(SIGN_IN_LINKS).fill(202))
    // Round robin: both instances counted into the one shared limit.
    expect(new Set(answers.map((a) => a.servedBy))).toEqual(new Set(['instance-1', 'instance-2']))

    const refused = await askSignInLink(`nikt.${stamp}.over@example.pl`)
    expect(refused.status).toBe(429)
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'RATE_LIMITED', limit: SIGN_IN_LINKS })
    // Refused by the instance that had not seen the last request either: nothing is per process.
    const again = await askSignInLink(`nikt.${stamp}.again@example.pl`)
    expect(again.status).toBe(429)
    expect(new Set([refused.servedBy, again.servedBy])).toEqual(new Set(['instance-1', 'instance-2']))

    // Another client (another address, forwarded by the proxy) has its own allowance.
    const neighbour = await askSignInLink(`nikt.${stamp}.sasiad@example.pl`, '127.0.0.2')
    expect(neighbour.status).toBe(202)
  })
})
