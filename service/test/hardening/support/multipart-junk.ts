import type { Prng } from '@ze/testkit/prng'
import { BAD_FILENAMES, DISGUISED } from './malformed-values.js'

export type MultipartRoute = 'create' | 'reply' | 'adminReply'

interface Part {
  headers: string[]
  data: Buffer | string
}

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex'
)

const field = (name: string, value: string | Buffer): Part => ({ headers: [`Content-Disposition: form-data; name="${name}"`], data: value })
const file = (name: string, data: Buffer, fieldName = 'files', type = 'application/octet-stream'): Part => ({
  headers: [`Content-Disposition: form-data; name="${fieldName}"; filename="${name}"`, `Content-Type: ${type}`],
  data
})

function assemble(boundary: string, parts: Part[], close = true): Buffer {
  const chunks: Buffer[] = []
  for (const p of parts) chunks.push(Buffer.from(`--${boundary}\r\n${p.headers.join('\r\n')}\r\n\r\n`), Buffer.from(p.data), Buffer.from('\r\n'))
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return Buffer.concat(chunks)
}

/** The fields a route would accept; every junk body below breaks them or the framing on purpose. */
function validFields(route: MultipartRoute): Part[] {
  return route === 'create' ? [field('question', 'Jak zaksięgować?'), field('entryPoint', 'sidebar')] : [field('body', 'Dziękuję, a co dalej?')]
}

const mainField = (route: MultipartRoute) => (route === 'create' ? 'question' : 'body')

/** One malformed multipart request: headers + raw body, and a label saying what is wrong. */
export function multipartJunk(
  r: Prng,
  route: MultipartRoute,
  limits: { maxFiles: number; maxFileBytes: number }
): { label: string; headers: Record<string, string>; payload: Buffer } {
  const boundary = `----ze${r.int(1e9)}`
  const ct = `multipart/form-data; boundary=${boundary}`
  const ok = validFields(route)
  const variants: Array<() => [string, string, Buffer]> = [
    () => ['no boundary', 'multipart/form-data', assemble(boundary, ok)],
    () => ['empty boundary', 'multipart/form-data; boundary=', assemble(boundary, ok)],
    () => ['wrong boundary', `multipart/form-data; boundary=other${boundary}`, assemble(boundary, ok)],
    () => {
      const body = assemble(boundary, [...ok, file('a.png', PNG)])
      return ['truncated', ct, body.subarray(0, 1 + r.int(body.length - 8))]
    },
    () => ['no closing delimiter', ct, assemble(boundary, [...ok, file('a.png', PNG)], false)],
    () => ['part without disposition', ct, assemble(boundary, [{ headers: ['Content-Type: text/plain'], data: 'x' }])],
    () => [
      'operator field name',
      ct,
      assemble(boundary, [field(`${mainField(route)}[$gt]`, ''), ...(route === 'create' ? [field('entryPoint', 'sidebar')] : [])])
    ],
    () => ['proto field name', ct, assemble(boundary, [field('__proto__', '{"admin":true}'), field('constructor', 'x')])],
    () => {
      const d = r.pick(DISGUISED)
      return [
        `disguised ${d.name}, traversal name`,
        ct,
        assemble(boundary, [...ok, file(r.pick(BAD_FILENAMES).replace(/"/g, '') + d.name, d.data, 'files', 'image/png')])
      ]
    },
    () => {
      const d = r.pick(DISGUISED)
      return [`disguised ${d.name}`, ct, assemble(boundary, [...ok, file(d.name, d.data)])]
    },
    () => [
      'bad entryPoint',
      ct,
      assemble(boundary, [
        field(mainField(route), 'Pytanie'),
        field('entryPoint', r.pick(['{"$gt":""}', 'sidebar"; DROP', '', 'SIDEBAR', 'x'.repeat(300)])),
        file('a.png', PNG)
      ])
    ],
    () => ['blank main field', ct, assemble(boundary, [field(mainField(route), r.pick(['', '   ', '\r\n\t'])), ...ok.slice(1)])],
    () => ['main field too long', ct, assemble(boundary, [field(mainField(route), 'x'.repeat(10_001)), ...ok.slice(1)])],
    () => ['field over fieldSize', ct, assemble(boundary, [field(mainField(route), 'y'.repeat(70 * 1024)), ...ok.slice(1)])],
    () => [
      'invalid UTF-8 and bad enum',
      ct,
      assemble(boundary, [
        field(mainField(route), Buffer.from([0xff, 0xfe, 0xc0, 0xaf])),
        field('entryPoint', Buffer.from([0xed, 0xa0, 0x80])),
        field('internal', Buffer.from([0xc3]))
      ])
    ],
    () => ['too many files', ct, assemble(boundary, [...ok, ...Array.from({ length: limits.maxFiles + 1 }, (_, i) => file(`p${i}.png`, PNG))])],
    () => ['file over the size limit', ct, assemble(boundary, [...ok, file('big.png', Buffer.concat([PNG, Buffer.alloc(limits.maxFileBytes + 1, 0x20)]))])],
    () => ['file part not named files', ct, assemble(boundary, [...ok, file('a.png', PNG, r.pick(['file', 'files[]', 'attachment', '']))])],
    () => ['json body', ct, Buffer.from(JSON.stringify({ question: 'x', entryPoint: 'sidebar', body: 'x' }))],
    () => ['empty body', ct, Buffer.alloc(0)],
    () => ['huge part header', ct, assemble(boundary, [{ headers: [`Content-Disposition: form-data; name="${'n'.repeat(20_000)}"`], data: 'x' }, ...ok])],
    () => ['duplicate fields', ct, assemble(boundary, [...ok, ...ok, field(mainField(route), 'again')])],
    () => ['unknown field', ct, assemble(boundary, [...ok, field(r.pick(['admin', 'officeId', 'status', 'author', 'appId']), 'x')])],
    () => ['bad internal flag', ct, assemble(boundary, [...ok, field('internal', r.pick(['maybe', '{"$ne":false}', '2']))])],
    () => [
      'nested multipart/mixed',
      ct,
      assemble(boundary, [
        { headers: ['Content-Disposition: form-data; name="files"', 'Content-Type: multipart/mixed; boundary=inner'], data: '--inner\r\n\r\nx\r\n--inner--' }
      ])
    ],
    () => ['bad pageUrl', ct, assemble(boundary, [...ok, field('pageUrl', r.pick(['javascript:alert(1)', 'file:///etc/passwd', 'x'.repeat(3000)]))])]
  ]
  const [label, contentType, payload] = r.pick(variants)()
  // Create and adminReply accept every field set above except by design; for "bad internal flag" on
  // the chief's routes the field is unknown, for "bad pageUrl" on replies too: still invalid.
  return { label: `multipart ${route}: ${label}`, headers: { 'content-type': contentType }, payload }
}
