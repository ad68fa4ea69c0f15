import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { problemType, type ErrorCode, type ProblemDetails } from '@ze/contract'
import type { DemoConfig } from './config.js'
import { renderPages, pages, strictCsp } from './pages.js'
import { isPersonaId, personaIds, personas } from '@ze/testkit/personas'
import { signPersonaToken } from '@ze/testkit/sign-token'
import { webhookRoutes } from './webhooks.js'

// Both src/ (tsx) and dist/ (node) sit next to public/ and views/.
const root = join(dirname(fileURLToPath(import.meta.url)), '..')

// The demo host answers its errors in the service's problem format: registry codes plus its own one.
type DemoProblem = Omit<ProblemDetails, 'code'> & { code: ErrorCode | 'UNKNOWN_PERSONA' }
const problem = (status: number, code: DemoProblem['code'], title: string, detail?: string): DemoProblem => ({
  type: problemType(code),
  title,
  status,
  code,
  ...(detail ? { detail } : {})
})

const personaList = personaIds.map((id) => {
  const { label, claims } = personas[id]
  return { id, label, name: claims.name, role: claims.role, account: claims.account, office: claims.office, packageActive: claims.package.active }
})

const TokenBody = {
  type: 'object',
  required: ['persona'],
  additionalProperties: false,
  properties: { persona: { type: 'string', maxLength: 64 } }
} as const

/**
 * The stand-in for a host application (MojeBiuro24): its pages, and the one piece of
 * backend a real host needs for the widget — signing the logged-in user's identity token.
 */
export async function buildApp(config: DemoConfig, opts: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: 4096, ...opts })
  const publicConfig = { serviceUrl: config.serviceUrl, widgetUrl: `${config.serviceUrl}/widget.js`, appId: config.appId, personas: personaList }
  const rendered = renderPages(join(root, 'views'), publicConfig)

  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
    if (status === 500) request.log.error(error)
    const body =
      status === 500
        ? problem(500, 'INTERNAL', 'Internal error')
        : problem(status, error.validation ? 'VALIDATION_FAILED' : 'BAD_REQUEST', 'Bad request', error.message)
    return reply.code(status).type('application/problem+json').send(body)
  })
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .type('application/problem+json')
      .send(problem(404, 'NOT_FOUND', 'Not found', `${request.method} ${request.url}`))
  )

  await app.register(fastifyStatic, { root: join(root, 'public', 'assets'), prefix: '/assets/', cacheControl: true, maxAge: 0 })

  app.get('/healthz', async () => ({ status: 'ok' }))

  app.get('/demo/config', async () => publicConfig)

  await webhookRoutes(app, config.webhookSecret)

  app.post<{ Body: { persona: string } }>('/demo/token', { schema: { body: TokenBody } }, async (request, reply) => {
    const { persona } = request.body
    reply.header('cache-control', 'no-store')
    if (!isPersonaId(persona)) {
      return reply
        .code(400)
        .type('application/problem+json')
        .send(problem(400, 'UNKNOWN_PERSONA', 'Unknown persona', `Known personas: ${personaIds.join(', ')}`))
    }
    return { token: await signPersonaToken(persona, config.appSecret, config.tokenTtlSeconds, config.appId) }
  })

  for (const page of pages) {
    const html = rendered.get(page.path)!
    const csp = page.strictCsp ? strictCsp(config.serviceUrl, page.serviceStyles) : null
    app.get(page.path, async (_request, reply) => {
      if (csp) reply.header('content-security-policy', csp)
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html)
    })
  }

  return app
}
