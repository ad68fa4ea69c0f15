/**
 * What may be attached to a case. The type is decided from the file's content (magic
 * bytes), never from its name or the browser's claim; the extension is only used to tell
 * plain-text formats apart, which have no magic bytes.
 */
export const attachmentPolicy = {
  allowedTypes: [
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/webp',
    'application/pdf',
    'text/plain',
    'text/csv',
    'application/xml',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/zip'
  ],
  allowedExtensions: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'pdf', 'txt', 'csv', 'xml', 'docx', 'xlsx', 'odt', 'ods', 'zip']
}

// The extensions a stored file name may end in for each type; the first is appended when the
// name ends in anything else. Downloads are saved under the stored name (`curl -OJ`, a
// browser's Save), so a PNG named report.html must not land on disk as HTML (issue 16).
const EXTENSIONS_BY_TYPE: Record<string, readonly string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'text/plain': ['txt'],
  'text/csv': ['csv'],
  'application/xml': ['xml'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/zip': ['zip']
}

/** The name a file is stored and downloaded under: its own when the extension names its type, else with one appended. */
export function storedFilename(filename: string, extension: string, contentType: string): string {
  const extensions = EXTENSIONS_BY_TYPE[contentType]
  if (!extensions || extensions.includes(extension)) return filename
  return `${filename}.${extensions[0]}`
}

/** Bytes read before deciding a file's type: enough for file-type's signatures, incl. Office/ODF zips. */
export const SNIFF_BYTES = 4100

// Plain-text formats have no magic bytes: accepted by extension when the content is text.
const TEXT_TYPES: Record<string, string> = { txt: 'text/plain', csv: 'text/csv', xml: 'application/xml' }

// Office and ODF documents are zip archives. file-type names them from the entries within
// the first SNIFF_BYTES; when a large entry (a thumbnail, embedded fonts) comes first it can
// only say "zip". The bytes are a zip either way, so such a file keeps the type its name says
// and downloads open in the right program.
const OFFICE_ZIPS: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet'
}

// Tab, line feed, form feed, carriage return, and SUB (0x1A, the end-of-file mark old
// Windows exports still write).
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x1a])

/**
 * Text in UTF-8 or in a single-byte code page: Polish accounting exports (JPK, bank
 * statements in CSV) are often Windows-1250 or ISO-8859-2, so bytes above 0x7F are fine;
 * binary files give themselves away with NUL and other control bytes.
 */
function looksLikeText(head: Uint8Array): boolean {
  for (const byte of head) if (byte < 0x20 && !TEXT_CONTROLS.has(byte)) return false
  return true
}

/**
 * The stored content type of an attachment, decided from its first bytes; null when the
 * file may not be attached. `detected` is file-type's verdict on the same bytes.
 */
export function decideAttachmentType(head: Uint8Array, extension: string, detected: { mime: string } | undefined): string | null {
  const allowed: readonly string[] = attachmentPolicy.allowedTypes
  if (detected?.mime === 'application/zip' && OFFICE_ZIPS[extension]) return OFFICE_ZIPS[extension]
  if (detected) return allowed.includes(detected.mime) ? detected.mime : null
  const textType = TEXT_TYPES[extension]
  return textType && looksLikeText(head) ? textType : null
}
