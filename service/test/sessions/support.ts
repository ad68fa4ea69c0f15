import type { FastifyInstance } from 'fastify'

export const SERVICE_ORIGIN = 'http://localhost:3000'
/** What the console sends with every write. */
export const consoleHeaders = { origin: SERVICE_ORIGIN, 'x-ze-console': '1', 'sec-fetch-site': 'same-origin' }

/** Starts a console session with an API key and returns the cookie header for later requests. */
export async function sessionCookie(app: FastifyInstance, key: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/admin/v1/session', headers: { authorization: `Bearer ${key}` } })
  if (res.statusCode !== 204) throw new Error(`session: ${res.statusCode} ${res.body}`)
  const cookie = res.cookies.find((c) => c.name === '__Host-ze_session')
  if (!cookie) throw new Error('no session cookie')
  return `${cookie.name}=${cookie.value}`
}
