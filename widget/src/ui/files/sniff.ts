// The browser-side twin of the service's content check (service/src/domain/attachment-policy.ts):
// the type is decided from the first bytes, so a renamed .exe is refused before a 20 MB upload.
// The service still decides; this only spares the user a failed upload.

const SIGNATURES: Array<[type: string, bytes: Array<number | null>]> = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
  // RIFF????WEBP
  ['image/webp', [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46]],
  ['application/zip', [0x50, 0x4b, 0x03, 0x04]]
]

// Office and ODF documents are zips; plain-text formats have no signature at all.
const ZIP_EXTENSIONS: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  zip: 'application/zip'
}
const TEXT_EXTENSIONS: Record<string, string> = { txt: 'text/plain', csv: 'text/csv', xml: 'application/xml' }
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x1a])

export const SNIFF_BYTES = 512

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

/** The type the service would store for these first bytes and this name; null when it would refuse the file. */
export function sniffType(head: Uint8Array, name: string, allowedTypes: readonly string[]): string | null {
  const ext = extensionOf(name)
  const hit = SIGNATURES.find(([, sig]) => sig.length <= head.length && sig.every((b, i) => b === null || head[i] === b))
  let type: string | null
  if (hit) type = hit[0] === 'application/zip' ? (ZIP_EXTENSIONS[ext] ?? 'application/zip') : hit[0]
  else type = TEXT_EXTENSIONS[ext] && head.every((b) => b >= 0x20 || TEXT_CONTROLS.has(b)) ? TEXT_EXTENSIONS[ext]! : null
  return type && allowedTypes.includes(type) ? type : null
}

export async function readHead(f: File): Promise<Uint8Array> {
  return new Uint8Array(await f.slice(0, SNIFF_BYTES).arrayBuffer())
}
