import Fastify from 'fastify'
import app from '@ze/service/app'
import { loadConfig } from '@ze/service/config'
import { serverOptions } from '@ze/service/server-options'
import type { RouteDoc } from './render.js'
import type { Schema } from './shape.js'

/**
 * Every route the service registers, with the schema objects it registered them with. The app
 * is booted for real (some plugins wait for the database before it is ready) and closed as
 * soon as the routes are known; nothing is written.
 */
export async function serviceRoutes(mongodbUri: string): Promise<RouteDoc[]> {
  const config = loadConfig({}, { mongodbUri, logLevel: 'silent' })
  const fastify = Fastify(serverOptions(config, false))
  const routes: RouteDoc[] = []
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue
      routes.push({ method, url: route.url, schema: (route.schema ?? {}) as Schema, config: (route.config ?? {}) as Schema })
    }
  })
  await fastify.register(app, { config })
  await fastify.ready()
  await fastify.close()
  return routes
}
