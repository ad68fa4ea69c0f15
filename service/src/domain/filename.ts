const MAX_CHARS = 200
const FALLBACK = 'plik'

// Control characters, and bidi overrides that can make "gpj.exe" look like "exe.jpg".
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** A file name that is safe to store and to send back: no path, no control characters, NFC, bounded. */
export function sanitizeFilename(raw: string | undefined | null): string {
  let name = (raw ?? '').normalize('NFC').replace(UNSAFE, '')
  name = name.split(/[\\/]/).pop() ?? ''
  name = name.trim()
  if (/^\.*$/.test(name)) return FALLBACK
  const chars = Array.from(name)
  if (chars.length > MAX_CHARS) {
    const dot = name.lastIndexOf('.')
    const ext = dot > 0 ? Array.from(name.slice(dot)) : []
    const keepExt = ext.length > 0 && ext.length <= 16 ? ext : []
    name = chars.slice(0, MAX_CHARS - keepExt.length).join('') + keepExt.join('')
  }
  return name
}

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.')
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : ''
}

const ASCII_MAP: Record<string, string> = { ł: 'l', Ł: 'L', ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D' }

/**
 * `Content-Disposition` for a download: an ASCII fallback for old clients and the exact
 * name in RFC 5987 encoding.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\u0000-\u007f]/g, (c) => ASCII_MAP[c] ?? '_')
    .replace(/[^\x20-\x7e]|["\\%;]/g, '_')
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
