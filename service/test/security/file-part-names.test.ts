import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, freshChief, gridFsCounts, samples } from '../helpers/factories.js'

// Issue 16 finding 7: a file part whose encoded name held a control character was dropped
// silently (busboy could not read the name, so the part looked like a text field) and the
// message still answered 201 without the file the chief thought was attached.
let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const BOUNDARY = '----zeboundary7'
function body(disposition: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="question"\r\n\r\nCzy plik dotarł?\r\n`),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="entryPoint"\r\n\r\nsidebar\r\n`),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\nContent-Type: image/png\r\n\r\n`, 'latin1'),
    data,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`)
  ])
}

const send = async (disposition: string) => {
  const chief = freshChief()
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    payload: body(disposition, samples.png),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...(await authFor(chief)) }
  })
  return { res, officeId: (chief.office as { id: string }).id }
}

describe('file parts whose name cannot be read', () => {
  it.each([
    `form-data; name="files"; filename*=UTF-8''zrzut%01.png`,
    `form-data; name="files"; filename*=UTF-8''zrzut%00.png`,
    `form-data; name="files"; filename="zrzut\u0001.png"`,
    `form-data; name="files"; filename*=UTF-8''%7F.png`
  ])('are refused with 400 and nothing is stored: %s', async (disposition) => {
    const before = await gridFsCounts(app)
    const { res, officeId } = await send(disposition)
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body/files' }] })
    expect(await app.db.db!.collection('cases').countDocuments({ officeId })).toBe(0)
    expect(await gridFsCounts(app)).toEqual(before)
  })

  it('a readable encoded name still works', async () => {
    const { res } = await send(`form-data; name="files"; filename*=UTF-8''zrzut%20ekranu.png`)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().message.attachments[0].filename).toBe('zrzut ekranu.png')
  })
})
