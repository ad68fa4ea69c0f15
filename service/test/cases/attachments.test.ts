import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { readFileSync } from 'node:fs'
import { buildTestApp } from '../helpers/app.js'
import { authFor, chiefReply, createCase, gridFsCounts, postCase, samples, sha256, storedZip } from '../helpers/factories.js'

const MAX_BYTES = 64 * 1024
const MAX_FILES = 3

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp({ uploadMaxFileBytes: MAX_BYTES, uploadMaxFiles: MAX_FILES })
})
afterAll(() => app.close())

const download = async (id: string, persona: 'chiefOffice' | 'chiefOtherOffice' = 'chiefOffice') =>
  app.inject({ method: 'GET', url: `/api/v1/attachments/${id}`, headers: await authFor(persona) })

/** Every chunk belongs to a stored file: nothing half-written is left behind. */
async function expectNoOrphanChunks(): Promise<void> {
  const db = app.db.db!
  const fileIds = (
    await db
      .collection('fs.files')
      .find({}, { projection: { _id: 1 } })
      .toArray()
  ).map((f) => f._id)
  expect(await db.collection('fs.chunks').countDocuments({ files_id: { $nin: fileIds } })).toBe(0)
}

/** A file of `size` pseudo-random bytes that starts like a PDF. */
const pdfOfSize = (size: number) => {
  const bytes = Buffer.alloc(size)
  for (let i = 0; i < size; i++) bytes[i] = (i * 7919 + 13) & 0xff
  samples.pdf.copy(bytes)
  return bytes
}

describe('attachments', () => {
  it('round-trips bytes exactly, with the Polish file name in Content-Disposition', async () => {
    const data = pdfOfSize(MAX_BYTES - 10) // several GridFS chunks' worth is not needed; many stream chunks are
    const { message } = await createCase(app, 'chiefOffice', { files: [{ name: 'Faktura korygująca – żółć.pdf', data, type: 'image/png' }] })
    const [att] = message.attachments
    expect(att).toMatchObject({ filename: 'Faktura korygująca – żółć.pdf', contentType: 'application/pdf', size: data.length })
    const res = await download(att!.id)
    expect(res.statusCode).toBe(200)
    expect(sha256(res.rawPayload)).toBe(sha256(data))
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-length']).toBe(String(data.length))
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['cache-control']).toBe('private, no-store')
    const disposition = String(res.headers['content-disposition'])
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/)
    expect(disposition).toContain('filename="Faktura korygujaca _ zolc.pdf"')
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('Faktura korygująca – żółć.pdf')
  })

  it('stores a file larger than one GridFS chunk intact', async () => {
    const big = buildTestApp({ uploadMaxFileBytes: 1024 * 1024 })
    const other = await big
    try {
      const data = pdfOfSize(600 * 1024)
      const { message } = await createCase(other, 'chiefOffice', { files: [{ name: 'duzy.pdf', data }] })
      const res = await other.inject({ method: 'GET', url: `/api/v1/attachments/${message.attachments[0]!.id}`, headers: await authFor('chiefOffice') })
      expect(sha256(res.rawPayload)).toBe(sha256(data))
    } finally {
      await other.close()
    }
  })

  it.each([
    ['png', 'ekran.png', samples.png, 'image/png'],
    ['csv (UTF-8 text, no magic bytes)', 'dane.csv', 'kwota;opis\n12,50;żółw\n', 'text/csv'],
    ['txt', 'notatka.txt', 'Zażółć gęślą jaźń', 'text/plain'],
    ['xml (JPK)', 'JPK_V7M.xml', '<?xml version="1.0" encoding="UTF-8"?><JPK></JPK>', 'application/xml'],
    [
      'docx',
      'pismo.docx',
      readFileSync(new URL('../fixtures/pismo.docx', import.meta.url)),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    ],
    ['odt', 'pismo.odt', readFileSync(new URL('../fixtures/pismo.odt', import.meta.url)), 'application/vnd.oasis.opendocument.text']
  ])('accepts %s, typed by content', async (_label, name, data, contentType) => {
    const { message } = await createCase(app, 'chiefOffice', { files: [{ name, data, type: 'application/x-anything' }] })
    expect(message.attachments[0]).toMatchObject({ filename: name, contentType })
  })

  it('an xlsx whose workbook entries come after a large thumbnail keeps its type; the same bytes named .zip stay a zip', async () => {
    const other = await buildTestApp({ uploadMaxFileBytes: 1024 * 1024 })
    try {
      const thumbnail = pdfOfSize(300 * 1024).subarray(8) // incompressible bytes, stored: the sniffed head sees only this entry
      const xlsx = storedZip([
        ['docProps/thumbnail.jpeg', thumbnail],
        ['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')],
        ['xl/workbook.xml', Buffer.from('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')]
      ])
      const { message } = await createCase(other, 'chiefOffice', {
        files: [
          { name: 'raport.xlsx', data: xlsx },
          { name: 'raport.zip', data: xlsx }
        ]
      })
      expect(message.attachments.map((a) => a.contentType)).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip'])
      const res = await other.inject({ method: 'GET', url: `/api/v1/attachments/${message.attachments[0]!.id}`, headers: await authFor('chiefOffice') })
      expect(sha256(res.rawPayload)).toBe(sha256(xlsx))
    } finally {
      await other.close()
    }
  })

  it.each([
    ['an ELF executable named .png', 'obrazek.png', samples.elf],
    ['a Windows executable named .pdf', 'faktura.pdf', samples.exe],
    ['binary content named .txt', 'plik.txt', Buffer.from([0x41, 0x00, 0x42, 0xff])],
    ['HTML named .txt is fine as text, but HTML named .html is not', 'strona.html', '<html><script>alert(1)</script></html>']
  ])('refuses %s with 415 and stores nothing', async (_label, name, data) => {
    const before = await gridFsCounts(app)
    const res = await postCase(app, 'chiefOffice', {
      files: [
        { name: 'ok.png', data: samples.png },
        { name, data, type: 'image/png' }
      ]
    })
    expect(res.statusCode).toBe(415)
    // The widget marks the offending file by this name.
    expect(res.json()).toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED', filename: name })
    expect(await gridFsCounts(app)).toEqual(before)
    await expectNoOrphanChunks()
  })

  it('refuses a file over the limit with 413, keeping no partial chunks of it or of earlier files', async () => {
    const before = await gridFsCounts(app)
    const cases = await app.models.Case.countDocuments()
    const res = await postCase(app, 'chiefOffice', {
      files: [
        { name: 'ok.pdf', data: pdfOfSize(40_000) },
        { name: 'za-duzy.pdf', data: pdfOfSize(MAX_BYTES + 1) }
      ]
    })
    expect(res.statusCode).toBe(413)
    expect(res.json()).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', filename: 'za-duzy.pdf', maxFileBytes: MAX_BYTES })
    expect(await gridFsCounts(app)).toEqual(before)
    expect(await app.models.Case.countDocuments()).toBe(cases)
    await expectNoOrphanChunks()
  })

  it('refuses more files than allowed with 413 TOO_MANY_ATTACHMENTS and stores nothing', async () => {
    const before = await gridFsCounts(app)
    const files = Array.from({ length: MAX_FILES + 1 }, (_, i) => ({ name: `zrzut-${i}.png`, data: samples.png }))
    const res = await postCase(app, 'chiefOffice', { files })
    expect(res.statusCode).toBe(413)
    expect(res.json().code).toBe('TOO_MANY_ATTACHMENTS')
    expect(await gridFsCounts(app)).toEqual(before)
  })

  it('deletes uploaded files when the request is refused after they were stored (inactive package)', async () => {
    const before = await gridFsCounts(app)
    const res = await postCase(app, 'chiefInactive', { entryPoint: 'sidebar', files: [{ name: 'a.png', data: samples.png }] })
    expect(res.statusCode).toBe(403)
    expect(await gridFsCounts(app)).toEqual(before)
  })

  it('strips paths from file names (control characters are refused: test/security/file-part-names)', async () => {
    const { message } = await createCase(app, 'chiefOffice', {
      files: [
        { name: '../../etc/passwd.txt', data: 'x' },
        { name: 'C:\\Users\\anna\\zrzut.png', data: samples.png },
        { name: '', data: samples.png }
      ]
    })
    expect(message.attachments.map((a) => a.filename)).toEqual(['passwd.txt', 'zrzut.png', 'plik.png'])
  })

  it('ignores the empty, nameless part of an unused file input', async () => {
    const { message } = await createCase(app, 'chiefOffice', { files: [{ name: '', data: '' }] })
    expect(message.attachments).toEqual([])
  })

  it('lets a chief attach files to a reply', async () => {
    const { case: c } = await createCase(app, 'chiefOffice')
    const res = await chiefReply(app, 'chiefOffice', c.id, 'W załączniku zrzut', [{ name: 'zrzut.png', data: samples.png }])
    expect(res.statusCode).toBe(201)
    const att = res.json().message.attachments[0]
    expect((await download(att.id)).statusCode).toBe(200)
  })

  it('answers 404 for unknown and malformed attachment ids', async () => {
    expect((await download('0123456789abcdef01234567')).json().code).toBe('ATTACHMENT_NOT_FOUND')
    const bad = await app.inject({ method: 'GET', url: '/api/v1/attachments/not-an-id', headers: await authFor('chiefOffice') })
    expect(bad.statusCode).toBe(400)
  })
})
