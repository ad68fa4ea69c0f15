import type { Limits } from '../../api/types'
import { formatBytes, type Locale } from '../../i18n'
import type { ExpertT } from '../expertT'
import { readHead, sniffType } from './sniff'

export interface FileCheck {
  accepted: File[]
  errors: string[]
}

/**
 * The same limits the service enforces, applied before any byte is uploaded: size, type by
 * the file's first bytes (not its name), and count — saying which files were left out.
 */
export async function checkFiles(current: File[], incoming: File[], limits: Limits, et: ExpertT, locale: Locale): Promise<FileCheck> {
  const accepted: File[] = []
  const errors: string[] = []
  const leftOut: string[] = []
  for (const f of incoming) {
    if (f.size > limits.maxFileBytes) errors.push(et('fileTooLarge', { name: f.name, max: formatBytes(limits.maxFileBytes, locale) }))
    else if (!sniffType(await readHead(f), f.name, limits.allowedTypes)) errors.push(et('badTypeNamed', { name: f.name }))
    else if (current.length + accepted.length >= limits.maxFiles) leftOut.push(f.name)
    else accepted.push(f)
  }
  if (leftOut.length) errors.push(et('leftOut', { names: leftOut.join(', '), max: limits.maxFiles }))
  return { accepted, errors }
}

/** "PNG, JPG, PDF, …" for the hint under the picker, from the service's allow-list. */
export const allowedList = (limits: Limits): string => limits.allowedExtensions.map((x) => x.replace(/^\./, '').toUpperCase()).join(', ')

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
