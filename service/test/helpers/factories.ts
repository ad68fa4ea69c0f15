import { createHash } from 'node:crypto'
import { crc32, deflateRawSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import { bearer, personas, signToken } from './tokens.js'

export type Persona = keyof typeof personas

export interface FilePart {
  name: string
  data: string | Uint8Array
  type?: string
}

/** A real multipart body (boundary and all), built the way a browser's FormData is sent. */
export async function multipart(fields: Record<string, string>, files: FilePart[] = []): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  for (const file of files) form.append('files', new Blob([file.data as BlobPart], { type: file.type ?? 'application/octet-stream' }), file.name)
  const request = new Request('http://x', { method: 'POST', body: form })
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } }
}

export async function authFor(persona: Persona | Record<string, unknown>): Promise<Record<string, string>> {
  return bearer(await signToken(typeof persona === 'string' ? personas[persona] : persona))
}

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex')

/** Small valid files of the allowed kinds. */
export const samples = {
  png: Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex'
  ),
  pdf: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  elf: Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.alloc(64, 1)]),
  exe: Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(64, 0)])
}

/**
 * A valid zip with entries in the given order, e.g. an xlsx whose big thumbnail comes first;
 * stored (uncompressed) unless `deflate`, which hides the entries' bytes from a plain byte search.
 */
export function storedZip(entries: Array<[name: string, data: Buffer]>, { deflate = false } = {}): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, data] of entries) {
    const fileName = Buffer.from(name)
    const crc = crc32(data)
    const packed = deflate ? deflateRawSync(data) : data
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(deflate ? 8 : 0, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(fileName.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(deflate ? 8 : 0, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(fileName.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, fileName, packed)
    centrals.push(central, fileName)
    offset += local.length + fileName.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

export interface CaseInput {
  question?: string
  subject?: string
  entryPoint?: string
  pageUrl?: string
  /** Sent as the multipart text the widget sends ('true'); any other string to test validation. */
  afterSuggestion?: string
  files?: FilePart[]
}

export function postCase(app: FastifyInstance, persona: Persona | Record<string, unknown>, input: CaseInput = {}) {
  return (async () => {
    const fields: Record<string, string> = { question: input.question ?? 'Jak dodać fakturę korygującą?', entryPoint: input.entryPoint ?? 'sidebar' }
    if (input.subject !== undefined) fields.subject = input.subject
    if (input.pageUrl !== undefined) fields.pageUrl = input.pageUrl
    if (input.afterSuggestion !== undefined) fields.afterSuggestion = input.afterSuggestion
    const body = await multipart(fields, input.files)
    return app.inject({ method: 'POST', url: '/api/v1/cases', payload: body.payload, headers: { ...body.headers, ...(await authFor(persona)) } })
  })()
}

/** Creates a case through the real endpoint and returns the 201 body. */
export async function createCase(app: FastifyInstance, persona: Persona | Record<string, unknown> = 'chiefOffice', input: CaseInput = {}) {
  const res = await postCase(app, persona, input)
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as {
    case: Record<string, any> & { id: string }
    message: Record<string, any> & { id: string; attachments: Array<{ id: string; filename: string; contentType: string; size: number }> }
  }
}

export async function chiefReply(app: FastifyInstance, persona: Persona | Record<string, unknown>, caseId: string, body: string, files: FilePart[] = []) {
  const form = await multipart({ body }, files)
  return app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/messages`,
    payload: form.payload,
    headers: { ...form.headers, ...(await authFor(persona)) }
  })
}

export async function createExpert(app: FastifyInstance, input: { name?: string; admin?: boolean } = {}) {
  const { expert, key } = await app.experts.create({ name: input.name ?? 'Jan Ekspert', email: 'jan@example.com', admin: input.admin ?? false })
  return { expert, key, headers: { authorization: `Bearer ${key}` } }
}

export async function expertReply(
  app: FastifyInstance,
  headers: Record<string, string>,
  caseId: string,
  body: string,
  options: { internal?: boolean; files?: FilePart[] } = {}
) {
  const fields: Record<string, string> = { body }
  if (options.internal !== undefined) fields.internal = String(options.internal)
  const form = await multipart(fields, options.files)
  return app.inject({ method: 'POST', url: `/admin/v1/cases/${caseId}/messages`, payload: form.payload, headers: { ...form.headers, ...headers } })
}

export async function gridFsCounts(app: FastifyInstance): Promise<{ files: number; chunks: number }> {
  const db = app.db.db!
  return { files: await db.collection('fs.files').countDocuments(), chunks: await db.collection('fs.chunks').countDocuments() }
}

let officeSeq = 0
/** A chief of a brand-new office, so counts and lists in one test are not disturbed by others. */
export function freshChief(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const office = { id: `office-t${++officeSeq}-${Math.random().toString(36).slice(2, 8)}`, name: `Biuro Testowe ${officeSeq}` }
  return { ...personas.chiefOffice, sub: `chief-${office.id}`, office, account: { type: 'office', ...office }, ...overrides }
}
