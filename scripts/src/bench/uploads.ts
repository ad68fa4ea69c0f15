import { request } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import mongoose, { Types } from 'mongoose'
import { fmt, type Figure, type SetResult } from './lib/results.js'
import { interleaved, median, ratio } from './lib/stats.js'
import { machine } from './lib/machine.js'
import { sampleRss } from './lib/rss.js'
import { prepareTenant, startDatabase, startService, type BenchTenant } from './lib/stack.js'

const FILE_BYTES = Number(process.env.BENCH_UPLOAD_MB ?? 256) * 2 ** 20
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const TARGET_SPEED = 0.75
const TARGET_MEMORY = 0.05
const CHUNK = 64 * 1024

// Plain text (allowed as .txt when the content is UTF-8): the same bytes for both sides.
const block = Buffer.alloc(CHUNK, 'Faktura korygująca nr 1/2024, pozycja 1, kwota 123,45 zł.\n')

/** The file's bytes, made on the fly: neither side ever holds the whole file. */
async function* fileBytes(total: number): AsyncGenerator<Buffer> {
  for (let sent = 0; sent < total; sent += CHUNK) yield sent + CHUNK <= total ? block : block.subarray(0, total - sent)
}

const boundary = '----ze-bench-boundary-7d1f0c'
async function* multipartBody(total: number): AsyncGenerator<Buffer> {
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
  yield Buffer.from(field('question', 'Benchmark: duży załącznik') + field('entryPoint', 'messages'))
  yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="wyciag.txt"\r\nContent-Type: text/plain\r\n\r\n`)
  yield* fileBytes(total)
  yield Buffer.from(`\r\n--${boundary}--\r\n`)
}

async function throughService(url: string, pid: number, token: string, tenant: BenchTenant, total = FILE_BYTES) {
  const rss = sampleRss(pid)
  const started = process.hrtime.bigint()
  const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      `${url}/api/v1/cases`,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` } },
      (res) => {
        let text = ''
        res.setEncoding('utf8').on('data', (c: string) => (text += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      }
    )
    req.on('error', reject)
    pipeline(Readable.from(multipartBody(total)), req).catch(reject)
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const memory = rss.stop()
  if (status !== 201) throw new Error(`upload answered ${status}: ${body.slice(0, 300)}`)
  const attachment = (JSON.parse(body) as { message: { attachments: Array<{ id: string; size: number }> } }).message.attachments[0]
  if (attachment?.size !== total) throw new Error(`stored ${attachment?.size} bytes, sent ${total}`)
  await removeFile(tenant, new Types.ObjectId(attachment.id))
  return { mbps: total / 2 ** 20 / seconds, growth: memory.peakRss - memory.baselineRss, hwmGrowth: Math.max(0, memory.hwmAfter - memory.hwmBefore) }
}

async function bareGridFs(tenant: BenchTenant) {
  const bucket = new mongoose.mongo.GridFSBucket(tenant.data.connection.db!)
  const started = process.hrtime.bigint()
  const upload = bucket.openUploadStream('wyciag.txt')
  await pipeline(Readable.from(fileBytes(FILE_BYTES)), upload)
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  await removeFile(tenant, upload.id as Types.ObjectId)
  return { mbps: FILE_BYTES / 2 ** 20 / seconds }
}

// Each round stores the file once per side; removing it keeps the database (and the disk) small.
async function removeFile(tenant: BenchTenant, id: Types.ObjectId): Promise<void> {
  const db = tenant.data.connection.db!
  await db.collection('fs.chunks').deleteMany({ files_id: id })
  await db.collection('fs.files').deleteOne({ _id: id })
}

/** A 256 MB attachment through POST /api/v1/cases against a bare GridFS write of the same bytes. */
export async function uploadsBench(): Promise<SetResult> {
  const started = Date.now()
  const at = machine()
  const db = await startDatabase()
  const tenant = await prepareTenant(db.serverUri)
  const service = await startService(tenant.mongodbUri, { UPLOAD_MAX_FILE_BYTES: String(FILE_BYTES + 2 ** 20), REQUEST_TIMEOUT_MS: '1800000' })
  try {
    const token = await tenant.token('chief-office')
    // Warm-up: the first upload loads modules (file-type) and grows the heap once; not a per-file cost.
    await throughService(service.url, service.pid, token, tenant, 8 * 2 ** 20)
    await bareGridFs(tenant)
    const results = await interleaved(
      ROUNDS,
      { service: () => throughService(service.url, service.pid, token, tenant), bare: () => bareGridFs(tenant) },
      (r, key, v) => console.log(`[bench] uploads round ${r} ${key}: ${v.mbps.toFixed(1)} MB/s${'growth' in v ? `, RSS +${fmt.mb(v.growth)}` : ''}`)
    )
    const service_ = median(results.service.map((r) => r.mbps))
    const bare = median(results.bare.map((r) => r.mbps))
    const growth = median(results.service.map((r) => r.growth))
    const worstGrowth = Math.max(...results.service.map((r) => r.growth))
    const speed = ratio(service_, bare)
    const figures: Figure[] = [
      { name: `${fmt.mb(FILE_BYTES)} through POST /api/v1/cases`, value: `${service_.toFixed(1)} MB/s` },
      { name: 'same bytes, bare GridFS write (mongodb driver)', value: `${bare.toFixed(1)} MB/s` },
      { name: 'throughput: service ÷ bare GridFS', value: fmt.x(speed), target: `≥ ${TARGET_SPEED}`, met: speed >= TARGET_SPEED },
      { name: 'service peak RSS growth during the upload (median / worst)', value: `${fmt.mb(growth)} / ${fmt.mb(worstGrowth)}` },
      {
        name: 'peak RSS growth ÷ file size (worst round)',
        value: `${((worstGrowth / FILE_BYTES) * 100).toFixed(2)} %`,
        target: `< ${TARGET_MEMORY * 100} %`,
        met: worstGrowth / FILE_BYTES < TARGET_MEMORY
      }
    ]
    return {
      set: 'uploads',
      title: '4. Streaming uploads (256 MB)',
      machine: at,
      durationSeconds: (Date.now() - started) / 1000,
      figures,
      rounds: [
        ...results.service.map((r, i) => `round ${i + 1} service: ${r.mbps.toFixed(1)} MB/s, peak RSS +${fmt.mb(r.growth)}, VmHWM +${fmt.mb(r.hwmGrowth)}`),
        ...results.bare.map((r, i) => `round ${i + 1} bare GridFS: ${r.mbps.toFixed(1)} MB/s`)
      ],
      notes: [
        'The request body is generated on the fly and streamed (64 KiB writes); the service sniffs the type from the first 4 KiB and pipes the rest into GridFS. Throughput is end to end: first byte sent to the 201 answer (service), first byte to the last chunk acknowledged (bare).',
        'Memory: VmRSS of the service process sampled every 20 ms from /proc, peak minus the value just before the upload. Each stored file is deleted after its round.',
        `UPLOAD_MAX_FILE_BYTES raised to ${FILE_BYTES + 2 ** 20} for this service instance only.`
      ]
    }
  } finally {
    await service.stop()
    await tenant.data.close()
    await db.stop()
  }
}
