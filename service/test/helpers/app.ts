import { randomBytes } from 'node:crypto'
import Fastify, { type FastifyInstance } from 'fastify'
import { inject } from 'vitest'
import app from '../../src/app.js'
import { loadConfig, type Config } from '../../src/config.js'
import { serverOptions } from '../../src/server-options.js'
import { withDatabase } from '@ze/testkit/database'
import { TEST_APP } from './tokens.js'

export interface RouteSeen {
  method: string
  url: string
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route the app registered, for tests that must cover all of them. */
    routesSeen: RouteSeen[]
  }
}

/** Fills `:param` placeholders with a syntactically valid id. */
export const concreteUrl = (url: string): string => url.replace(/:[A-Za-z]+/g, '0123456789abcdef01234567')

/** A database of its own for each test file, on the real server started by the global setup. */
export function testDatabaseUri(serverUri: string = inject('mongoServerUri')): string {
  return withDatabase(serverUri, `ze_test_${randomBytes(5).toString('hex')}`)
}

/** Boots the real app (every plugin, schema and hook) against the real database; `extra` adds routes of a test's own. */
export async function buildTestApp(overrides: Partial<Config> = {}, extra?: (fastify: FastifyInstance) => void): Promise<FastifyInstance> {
  // A generous suggestion budget: on a busy test machine the default would turn a slow lookup into an empty answer.
  const config = loadConfig(
    {},
    {
      mongodbUri: testDatabaseUri(),
      ferretdbPostgresqlUrl: inject('postgresqlUrl') || null,
      ferretdbSqliteUrl: inject('sqliteUrl') || null,
      logLevel: 'silent',
      appCacheTtlMs: 0,
      suggestBudgetMs: 10_000,
      ...overrides
    }
  )
  const fastify = Fastify(serverOptions(config, false))
  const routes: RouteSeen[] = []
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url })
  })
  fastify.decorate('routesSeen', routes)
  await fastify.register(app, { config })
  extra?.(fastify)
  await fastify.ready()
  // The app starts without waiting out a slow database (dbTimeoutMs), but every test needs TEST_APP
  // stored: on a loaded machine the first connection can take longer than that start-up wait.
  const connectBy = Date.now() + 60_000
  while (fastify.db.readyState !== 1) {
    if (Date.now() > connectBy) throw new Error(`the test database did not connect within 60 s (${config.mongodbUri})`)
    await new Promise((r) => setTimeout(r, 50))
  }
  await fastify.apps.upsert(TEST_APP)
  return fastify
}
