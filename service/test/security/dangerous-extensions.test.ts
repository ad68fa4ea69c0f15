import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../helpers/app.js'
import { authFor, createCase, samples } from '../helpers/factories.js'

// Issue 16 finding 2: a PNG named report.html was stored and downloaded as report.html, so
// `curl -OJ` (or a browser's save) wrote an HTML file. The stored name's extension must name
// the type detected from the content.
let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const downloadName = async (id: string) => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/attachments/${id}`, headers: await authFor('chiefOffice') })
  expect(res.statusCode).toBe(200)
  return decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)
}

describe('stored file names end in the detected type', () => {
  it.each(['report.html', 'report.hta', 'setup.exe', 'logo.svg', 'noextension', 'a.PnG.js'])('a PNG named %s gets .png appended', async (name) => {
    const { message } = await createCase(app, 'chiefOffice', { files: [{ name, data: samples.png }] })
    const [att] = message.attachments
    expect(att!.contentType).toBe('image/png')
    expect(att!.filename).toBe(`${name}.png`)
    expect(await downloadName(att!.id)).toBe(`${name}.png`)
    const ascii = /filename="([^"]*)"/.exec(
      String((await app.inject({ method: 'GET', url: `/api/v1/attachments/${att!.id}`, headers: await authFor('chiefOffice') })).headers['content-disposition'])
    )
    expect(ascii?.[1]).toBe(`${name}.png`)
  })

  it('keeps names whose extension already matches (any case, either JPEG spelling)', async () => {
    const jpeg = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64, 0)])
    const { message } = await createCase(app, 'chiefOffice', {
      files: [
        { name: 'Zrzut.PNG', data: samples.png },
        { name: 'foto.jpeg', data: jpeg },
        { name: 'foto.JPG', data: jpeg },
        { name: 'faktura.pdf', data: samples.pdf },
        { name: 'notatki.txt', data: 'zwykły tekst' }
      ]
    })
    expect(message.attachments.map((a) => a.filename)).toEqual(['Zrzut.PNG', 'foto.jpeg', 'foto.JPG', 'faktura.pdf', 'notatki.txt'])
  })

  it('a PDF named invoice.html becomes invoice.html.pdf', async () => {
    const { message } = await createCase(app, 'chiefOffice', { files: [{ name: 'invoice.html', data: samples.pdf }] })
    expect(message.attachments[0]).toMatchObject({ filename: 'invoice.html.pdf', contentType: 'application/pdf' })
  })
})
