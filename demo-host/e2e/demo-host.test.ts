// The demo host's own backend contract (demo-host/README.md): health, config, token signing.
import { decodeJwt, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { DEMO_APP_ID, personaIds } from '@ze/testkit/personas'
import { env } from './helpers.js'

const post = (body: string, type = 'application/json') => fetch(`${env().demoUrl}/demo/token`, { method: 'POST', headers: { 'content-type': type }, body })

describe('demo host backend', () => {
  it('answers /healthz and /demo/config with the service URL and the six personas', async () => {
    expect((await fetch(`${env().demoUrl}/healthz`)).status).toBe(200)
    const config = (await (await fetch(`${env().demoUrl}/demo/config`)).json()) as {
      serviceUrl: string
      appId: string
      personas: { id: string; label: string }[]
    }
    expect(config.serviceUrl).toBe(env().serviceUrl)
    expect(config.appId).toBe(DEMO_APP_ID)
    expect(config.personas.map((p) => p.id)).toEqual(personaIds)
    expect(config.personas.every((p) => p.label.length > 0)).toBe(true)
  })

  it('signs a short-lived token per persona that the service accepts', async () => {
    for (const persona of personaIds) {
      const res = await post(JSON.stringify({ persona }))
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-store')
      const { token } = (await res.json()) as { token: string }
      const { payload } = await jwtVerify(token, new TextEncoder().encode(env().appSecret), { audience: DEMO_APP_ID })
      expect(payload.exp! - payload.iat!).toBe(600)
      const me = await fetch(`${env().serviceUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })
      expect(me.status).toBe(200)
    }
    const { token } = (await (await post(JSON.stringify({ persona: 'chief-client' }))).json()) as { token: string }
    expect(decodeJwt(token)).toMatchObject({ role: 'office_chief', account: { type: 'client', name: 'Piekarnia Złoty Kłos' } })
  })

  it('refuses an unknown persona or a malformed body with a 400 problem', async () => {
    for (const [body, code] of [
      [JSON.stringify({ persona: 'admin' }), 'UNKNOWN_PERSONA'],
      [JSON.stringify({}), 'VALIDATION_FAILED'],
      [JSON.stringify({ persona: { $gt: '' } }), 'VALIDATION_FAILED'],
      ['{"persona":', 'BAD_REQUEST']
    ] as const) {
      const res = await post(body)
      expect(res.status, body).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(((await res.json()) as { code: string }).code, body).toBe(code)
    }
  })

  it('signs no token for names inherited from Object.prototype (issue 16 finding 7)', async () => {
    for (const persona of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const res = await post(JSON.stringify({ persona }))
      expect(res.status, persona).toBe(400)
      expect(((await res.json()) as { code: string }).code, persona).toBe('UNKNOWN_PERSONA')
    }
  })

  it('never sends the signing secret to the browser', async () => {
    for (const path of ['/', '/wiadomosci', '/klienci', '/faktury', '/hostile', '/assets/app.js', '/demo/config']) {
      const text = await (await fetch(`${env().demoUrl}${path}`)).text()
      expect(text, path).not.toContain(env().appSecret)
    }
    const html = await (await fetch(`${env().demoUrl}/`)).text()
    expect(html).toContain(`<script async src="${env().serviceUrl}/widget.js"></script>`)
  })
})
