import { promisify } from 'node:util'
import yauzl from 'yauzl'

/** Every entry of a zip (buffer or file), read with yauzl: name → bytes. */
export async function unzip(source: Buffer | string): Promise<Map<string, Buffer>> {
  const open =
    typeof source === 'string' ? promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open) : promisify<Buffer, yauzl.Options, yauzl.ZipFile>(yauzl.fromBuffer)
  const zip = await open(source as never, { lazyEntries: true })
  const entries = new Map<string, Buffer>()
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject)
    zip.on('end', () => resolve())
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err)
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('error', reject)
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks))
          zip.readEntry()
        })
      })
    })
    zip.readEntry()
  })
  zip.close()
  return entries
}
