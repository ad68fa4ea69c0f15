import { useRef, useState } from 'preact/hooks'
import type { Limits } from '../../api/types'
import { useWidget } from '../context'
import { useExpertT } from '../expertT'
import { checkFiles } from './validate'

export interface PickingProps {
  files: File[]
  limits: Limits
  onChange: (files: File[]) => void
  disabled?: boolean
}

/** Adding files by drop, paste or the file dialog, each checked before upload; shared by the full and the compact picker. */
export function useFilePicking({ files, limits, onChange, disabled }: PickingProps) {
  const { session } = useWidget()
  const et = useExpertT()
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const [errors, setErrors] = useState<string[]>([])
  // Files arrive while an earlier check still reads bytes: count against the latest list.
  const latest = useRef(files)
  latest.current = files

  const add = async (incoming: File[]): Promise<void> => {
    if (!incoming.length) return
    const r = await checkFiles(latest.current, incoming, limits, et, session.locale)
    setErrors(r.errors)
    if (r.accepted.length) onChange((latest.current = [...latest.current, ...r.accepted]))
  }
  const pick = (): void => {
    if (!disabled) input.current?.click()
  }
  const onDrag = (e: DragEvent): void => {
    // Without preventDefault on dragover the browser would navigate to the dropped file.
    e.preventDefault()
    if (e.dataTransfer) e.dataTransfer.dropEffect = disabled ? 'none' : 'copy'
    setOver(e.type !== 'dragleave')
  }
  const dragProps = {
    onDragEnter: onDrag,
    onDragOver: onDrag,
    onDragLeave: onDrag,
    onDrop: (e: DragEvent): void => {
      e.preventDefault()
      setOver(false)
      if (!disabled) void add(Array.from(e.dataTransfer?.files ?? []))
    }
  }
  const inputProps = {
    ref: input,
    type: 'file',
    multiple: true,
    hidden: true,
    tabIndex: -1,
    accept: [...limits.allowedTypes, ...limits.allowedExtensions.map((x) => '.' + x.replace(/^\./, ''))].join(','),
    onChange: (e: Event): void => {
      const el = e.currentTarget as HTMLInputElement
      void add(Array.from(el.files ?? []))
      el.value = ''
    }
  }
  return { add, errors, setErrors, over, pick, dragProps, inputProps }
}

/** Phones and tablets have nothing to drag from: the drop zone says "Dodaj pliki" there. */
export const isTouch = (): boolean => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches
