import type { ChildProcess } from 'node:child_process'
import { request, type IncomingMessage } from 'node:http'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import mongoose, { type Connection } from 'mongoose'
import { authFor, freshChief, multipart, samples } from '../helpers/factories.js'
import { eventually } from '../helpers/eventually.js'
import { startServerProcess, type Running } from '../helpers/server-process.js'

// The real server (service/src/server.ts) as a child process, stopped with real signals.
const children: ChildProcess[] = []
const connections: Connection[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})
afterAll(async () => {
  for (const connection of connections) await connection.close()
})

const startServer = (env: Record<string, string>): Promise<Running> => startServerProcess(env, children)

const logged = (server: Running, msg: string) =>
  eventually(async () => server.logs.find((l) => l.msg === msg || (typeof l.msg === 'string' && l.msg.startsWith(msg))), 20_000, `log "${msg}"`)

/** An upload whose body is sent in two parts, the second only when asked; returns once the server is handling it. */
async function slowUpload(server: Running) {
  const { url } = server
  const seen = server.logs.length
  const { payload, headers } = await multipart({ question: 'Proszę o sprawdzenie deklaracji', entryPoint: 'sidebar' }, [
    { name: 'wyciag.png', data: samples.png },
    { name: 'duzy.txt', data: 'wiersz\n'.repeat(200_000) }
  ])
  const auth = await authFor(freshChief())
  let body = ''
  const req = request(`${url}/api/v1/cases`, { method: 'POST', headers: { ...headers, ...auth, 'content-length': String(payload.length) } })
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res: IncomingMessage) => {
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    })
    req.on('error', reject)
  })
  response.catch(() => {})
  const half = Math.floor(payload.length / 2)
  await new Promise<void>((r) => req.write(payload.subarray(0, half), () => r()))
  await eventually(
    async () => server.logs.slice(seen).find((l) => l.msg === 'incoming request' && (l.req as { url?: string })?.url === '/api/v1/cases'),
    20_000,
    'upload received'
  )
  return { response, finish: () => req.end(payload.subarray(half)) }
}

/** An event stream read as raw text, so the `retry:` line is seen as sent. */
async function rawStream(url: string) {
  const headers = await authFor(freshChief())
  let text = ''
  const ended = new Promise<string>((resolve, reject) => {
    request(`${url}/api/v1/events`, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      res.on('data', (c: Buffer) => (text += c.toString()))
      res.on('end', () => resolve(text))
      res.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
  await eventually(async () => (text.includes('event: unread') ? true : undefined), 20_000, 'stream open')
  return { ended, text: () => text }
}

const refused = async (url: string): Promise<boolean> => {
  try {
    await fetch(`${url}/healthz`)
    return false
  } catch {
    return true
  }
}

describe('SIGTERM (real child process)', () => {
  it('drains: stops accepting, ends event streams with a retry hint, finishes the upload in flight, releases the outbox lease, exits 0', async () => {
    const server = await startServer({ SHUTDOWN_TIMEOUT_MS: '20000' })
    const connection = await mongoose.createConnection(server.mongodbUri).asPromise()
    connections.push(connection)
    const leases = connection.db!.collection<{ _id: string; expiresAt: Date }>('leases')
    await eventually(async () => ((await leases.findOne({ _id: 'outbox' }))?.expiresAt.getTime() ?? 0) > Date.now() || undefined, 20_000, 'outbox lease held')

    const stream = await rawStream(server.url)
    const upload = await slowUpload(server)
    server.child.kill('SIGTERM')
    await logged(server, 'closing gracefully')

    const streamText = await stream.ended
    expect(streamText).toMatch(/retry: \d+\n\n$/)
    await eventually(async () => ((await refused(server.url)) ? true : undefined), 10_000, 'new connections refused')
    expect(server.child.exitCode).toBeNull() // still finishing the upload

    upload.finish()
    const res = await upload.response
    expect(res.status, res.body).toBe(201)
    expect(JSON.parse(res.body).message.attachments).toHaveLength(2)
    expect(await server.exited).toBe(0)
    expect((await leases.findOne({ _id: 'outbox' }))!.expiresAt.getTime()).toBe(0)
    expect(server.logs.some((l) => l.msg === 'closed')).toBe(true)
  }, 150_000)

  it('cuts requests still in flight after SHUTDOWN_TIMEOUT_MS, and a second SIGTERM exits at once', async () => {
    const bounded = await startServer({ SHUTDOWN_TIMEOUT_MS: '1500' })
    const stalled = await slowUpload(bounded)
    const started = Date.now()
    bounded.child.kill('SIGTERM')
    await expect(stalled.response).rejects.toThrow()
    expect(await bounded.exited).toBe(0)
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(bounded.logs.some((l) => typeof l.msg === 'string' && l.msg.includes('closing their connections'))).toBe(true)

    const patient = await startServer({ SHUTDOWN_TIMEOUT_MS: '120000' })
    const stuck = await slowUpload(patient)
    patient.child.kill('SIGTERM')
    await logged(patient, 'closing gracefully')
    await new Promise((r) => setTimeout(r, 500))
    expect(patient.child.exitCode).toBeNull() // waiting for the stuck upload…
    const second = Date.now()
    patient.child.kill('SIGTERM')
    expect(await patient.exited).toBe(1) // …until the second signal
    expect(Date.now() - second).toBeLessThan(5000)
    stuck.response.catch(() => {})
  }, 240_000)
})
