import { useRef, useState } from 'preact/hooks'
import type { Limits } from '../../api/types'
import { formatBytes } from '../../i18n'
import { useWidget } from '../context'
import { checkFiles } from './validate'

interface Props {
  files: File[]
  limits: Limits
  onChange: (files: File[]) => void
  disabled?: boolean
  /** Errors from paste handled by the parent, shown in the same list. */
  extraErrors?: string[]
}

/** "Załącz pliki": drop zone (drag-and-drop, Enter/Space), "Wybierz" and the chosen-file list (R5). */
export function FilePicker({ files, limits, onChange, disabled, extraErrors = [] }: Props) {
  const { session } = useWidget()
  const { t, locale } = session
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const [errors, setErrors] = useState<string[]>([])

  const add = (incoming: File[]): void => {
    const r = checkFiles(files, incoming, limits, t, locale)
    setErrors(r.errors)
    if (r.accepted.length) onChange([...files, ...r.accepted])
  }
  const pick = (): void => { if (!disabled) input.current?.click() }
  const onDrag = (e: DragEvent): void => {
    // Without preventDefault on dragover the browser would navigate to the dropped file.
    e.preventDefault()
    if (e.dataTransfer) e.dataTransfer.dropEffect = disabled ? 'none' : 'copy'
    setOver(e.type !== 'dragleave')
  }
  const onDrop = (e: DragEvent): void => {
    e.preventDefault()
    setOver(false)
    if (!disabled) add(Array.from(e.dataTransfer?.files ?? []))
  }
  const shown = [...extraErrors, ...errors]

  return (
    <fieldset class="files" disabled={disabled}>
      <legend>{t('attachFiles')}</legend>
      <div
        class={over ? 'drop over' : 'drop'}
        role="button"
        tabIndex={disabled ? -1 : 0}
        aria-disabled={disabled}
        aria-describedby="ze-limits"
        onClick={pick}
        onKeyDown={e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick() } }}
        onDragEnter={onDrag}
        onDragOver={onDrag}
        onDragLeave={onDrag}
        onDrop={onDrop}
      >
        {t('dropHint')}
      </div>
      <button type="button" class="btn" onClick={pick}>{t('choose')}</button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        accept={[...limits.allowedTypes, ...limits.allowedExtensions.map(x => '.' + x.replace(/^\./, ''))].join(',')}
        onChange={e => {
          const el = e.currentTarget
          add(Array.from(el.files ?? []))
          el.value = ''
        }}
      />
      <p id="ze-limits" class="hint">{t('limitsInfo', { files: limits.maxFiles, size: formatBytes(limits.maxFileBytes, locale) })}</p>
      {shown.length > 0 && (
        <ul class="err" role="alert">{shown.map(m => <li key={m}>{m}</li>)}</ul>
      )}
      {files.length > 0 && (
        <ul class="filelist">
          {files.map((f, i) => (
            <li key={`${f.name}:${f.size}:${i}`}>
              <span>{f.name}</span> <span class="hint">{formatBytes(f.size, locale)}</span>
              <button type="button" class="x" aria-label={t('remove', { name: f.name })} onClick={() => onChange(files.filter((_, j) => j !== i))}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}
