import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../src/config.js'

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1:27017/x' })
    expect(config).toMatchObject({ port: 3000, uploadMaxFiles: 10, uploadMaxFileBytes: 20 * 1024 * 1024, tokenMaxLifetimeSeconds: 3600 })
  })

  it.each([
    [{ PORT: 'eighty' }, /port/],
    [{ PORT: '70000' }, /port/],
    [{ LOG_LEVEL: 'loud' }, /logLevel/],
    [{ APPS: '{not json' }, /APPS is not valid JSON/],
    [{ APPS: JSON.stringify([{ id: 'a', name: 'x', secret: 'short', allowedOrigins: [] }]) }, /bootstrapApps/],
    [{ UPLOAD_MAX_FILES: '0' }, /uploadMaxFiles/],
    [{ MONGODB_URI: 'postgres://x' }, /mongodbUri/]
  ])('rejects %j', (env, message) => {
    expect(() => loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1/x', ...env })).toThrow(ConfigError)
    expect(() => loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1/x', ...env })).toThrow(message)
  })
})
