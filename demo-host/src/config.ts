import { DEMO_APP_ID } from '@ze/testkit/personas'

export interface DemoConfig {
  host: string
  port: number
  /** Where the service (API + /widget.js) is reachable from the browser. */
  serviceUrl: string
  appId: string
  /** HS256 secret shared with the service; used only here, never sent to the browser. */
  appSecret: string
  tokenTtlSeconds: number
  logLevel: string
  /** Standard Webhooks secret (whsec_…) of the app; null = the webhook route answers 503. */
  webhookSecret: string | null
}

export class ConfigError extends Error {}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer between ${min} and ${max}`)
  return n
}

/** Read once at start-up; nothing else in the demo host looks at the environment. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  const appSecret = env.DEMO_APP_SECRET ?? ''
  if (appSecret.length < 32) throw new ConfigError('DEMO_APP_SECRET is required (at least 32 characters, the same secret the service has for the app)')
  const serviceUrl = (env.SERVICE_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '')
  if (!/^https?:\/\/[^/]+$/.test(serviceUrl)) throw new ConfigError('SERVICE_URL must be an origin such as http://127.0.0.1:3000')
  if (env.DEMO_WEBHOOK_SECRET && !/^whsec_[A-Za-z0-9+/=]{32,}$/.test(env.DEMO_WEBHOOK_SECRET))
    throw new ConfigError('DEMO_WEBHOOK_SECRET must be a whsec_… Standard Webhooks secret')
  return {
    // 'localhost' makes Fastify listen on both 127.0.0.1 and ::1.
    host: env.DEMO_HOST || 'localhost',
    port: integer('DEMO_PORT', env.DEMO_PORT, 8080, 0, 65535),
    serviceUrl,
    appId: env.DEMO_APP_ID || DEMO_APP_ID,
    appSecret,
    tokenTtlSeconds: integer('DEMO_TOKEN_TTL_SECONDS', env.DEMO_TOKEN_TTL_SECONDS, 600, 60, 3600),
    logLevel: env.LOG_LEVEL || 'warn',
    webhookSecret: env.DEMO_WEBHOOK_SECRET || null
  }
}
