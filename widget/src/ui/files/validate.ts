import type { Limits } from '../../api/types'
import { formatBytes, type Locale, type Translate } from '../../i18n'

export interface FileCheck { accepted: File[]; errors: string[] }

function extension(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

/**
 * The same limits the service enforces, applied before any byte is uploaded. The service
 * still checks content (magic bytes); this only saves the user a failed upload.
 */
export function checkFiles(current: File[], incoming: File[], limits: Limits, t: Translate, locale: Locale): FileCheck {
  const accepted: File[] = []
  const errors: string[] = []
  const types = limits.allowedTypes.map(s => s.toLowerCase())
  const exts = limits.allowedExtensions.map(s => s.toLowerCase().replace(/^\./, ''))
  for (const f of incoming) {
    const typeOk = (f.type && types.includes(f.type.toLowerCase())) || exts.includes(extension(f.name))
    if (!typeOk) errors.push(t('fileBadType', { name: f.name }))
    else if (f.size > limits.maxFileBytes) errors.push(t('fileTooLarge', { name: f.name, max: formatBytes(limits.maxFileBytes, locale) }))
    else if (current.length + accepted.length >= limits.maxFiles) {
      errors.push(t('tooManyFiles', { max: limits.maxFiles }))
      break
    } else accepted.push(f)
  }
  return { accepted, errors }
}

/** Clipboard screenshots arrive unnamed ("image.png"); give them a distinct name. */
export function filesFromClipboard(data: DataTransfer | null): File[] {
  if (!data) return []
  const out: File[] = []
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind !== 'file') continue
    const f = item.getAsFile()
    if (!f) continue
    if (!f.name || f.name === 'image.png') {
      const ext = f.type.split('/')[1] || 'png'
      out.push(new File([f], `zrzut-ekranu-${new Date().toISOString().replace(/[:.]/g, '-')}.${ext}`, { type: f.type }))
    } else out.push(f)
  }
  return out
}
