import type { Limits } from '../../api/types'
import { formatBytes } from '../../i18n'
import { useWidget } from '../context'
import { useExpertT } from '../expertT'
import { CaptureButton } from '../capture/CaptureButton'
import { FileName } from './FileName'
import { isTouch, useFilePicking } from './useFilePicking'
import { allowedList } from './validate'

interface Props {
  files: File[]
  limits: Limits
  onChange: (files: File[]) => void
  disabled?: boolean
  /** Errors from paste handled by the parent, shown in the same list. */
  extraErrors?: string[]
  /** The file the service refused: marked in the list with a visible "Usuń". */
  refused?: string
}

/** The chosen files: middle-shortened names, sizes, and a remove button that never leaves the panel. */
export function FileList({ files, onChange, refused }: Pick<Props, 'files' | 'onChange' | 'refused'>) {
  const { session } = useWidget()
  const et = useExpertT()
  if (!files.length) return null
  return (
    <ul class="filelist">
      {files.map((f, i) => (
        <li key={`${f.name}:${f.size}:${i}`} class={f.name === refused ? 'bad' : undefined}>
          <FileName name={f.name} />
          <span class="hint">{formatBytes(f.size, session.locale)}</span>
          <button
            type="button"
            class={f.name === refused ? 'btn sm' : 'x'}
            aria-label={et('remove', { name: f.name })}
            onClick={() => onChange(files.filter((_, j) => j !== i))}
          >
            {f.name === refused ? et('removeFile') : <span aria-hidden="true">×</span>}
          </button>
        </li>
      ))}
    </ul>
  )
}

export const FileErrors = ({ errors }: { errors: string[] }) =>
  errors.length ? (
    <ul class="err" role="alert">
      {errors.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  ) : null

/** "Załącz pliki": drop zone (drag-and-drop, Enter/Space), "Wybierz" and the chosen-file list (R5). */
export function FilePicker({ files, limits, onChange, disabled, extraErrors = [], refused }: Props) {
  const { session } = useWidget()
  const { locale } = session
  const t = useExpertT()
  const et = useExpertT()
  const { add, errors, over, pick, dragProps, inputProps } = useFilePicking({ files, limits, onChange, disabled })

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
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault()
            pick()
          }
        }}
        {...dragProps}
      >
        {isTouch() ? et('addFiles') : t('dropHint')}
      </div>
      <div class="pick">
        <button type="button" class="btn" onClick={pick}>
          {t('choose')}
        </button>
        <CaptureButton onFile={(f) => void add([f])} disabled={disabled} />
      </div>
      <input {...inputProps} />
      <p id="ze-limits" class="hint">
        {t('limitsInfo', { files: limits.maxFiles, size: formatBytes(limits.maxFileBytes, locale) })} {et('allowedTypes', { types: allowedList(limits) })}
      </p>
      <FileErrors errors={[...extraErrors, ...errors]} />
      <FileList files={files} onChange={onChange} refused={refused} />
    </fieldset>
  )
}
