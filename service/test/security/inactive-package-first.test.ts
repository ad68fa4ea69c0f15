import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { freshChief, gridFsCounts, postCase, samples } from '../helpers/factories.js'

// Issue 16 finding 7: a chief with an inactive package asking from the sidebar was refused
// only after every file had been streamed into storage (and deleted again). The refusal must
// come before the first byte of a file is read: a file that would fail its own checks (too
// large, wrong type) proves it, as those errors would otherwise answer first.
const MAX_BYTES = 8 * 1024
let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp({ uploadMaxFileBytes: MAX_BYTES })
})
afterAll(() => app.close())

const inactiveChief = () => freshChief({ package: { active: false } })

describe('inactive package', () => {
  it('is refused before an over-large file is read', async () => {
    const res = await postCase(app, inactiveChief(), {
      entryPoint: 'sidebar',
      files: [{ name: 'duzy.pdf', data: Buffer.concat([samples.pdf, Buffer.alloc(MAX_BYTES * 4, 1)]) }]
    })
    expect(res.statusCode, res.body).toBe(403)
    expect(res.json().code).toBe('PACKAGE_INACTIVE')
  })

  it('is refused before a disallowed file is sniffed, and nothing is stored', async () => {
    const before = await gridFsCounts(app)
    const res = await postCase(app, inactiveChief(), { entryPoint: 'avatar', files: [{ name: 'x.exe', data: samples.exe }] })
    expect(res.statusCode, res.body).toBe(403)
    expect(res.json().code).toBe('PACKAGE_INACTIVE')
    expect(await gridFsCounts(app)).toEqual(before)
  })

  it('still accepts files through START » WIADOMOŚCI', async () => {
    const res = await postCase(app, inactiveChief(), { entryPoint: 'messages', files: [{ name: 'zrzut.png', data: samples.png }] })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().case.aboutSystemUsage).toBe(true)
  })
})
