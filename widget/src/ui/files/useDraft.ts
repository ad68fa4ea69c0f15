import { useState } from 'preact/hooks'
import type { DraftScope } from '../../state/session'
import { useWidget } from '../context'

/**
 * Text and files of an unsent question or reply. The text is kept per user across reloads,
 * the files while the session lives, so closing the panel or switching views loses nothing.
 */
export function useDraft(scope: DraftScope) {
  const { session } = useWidget()
  const [text, setTextState] = useState(() => session.loadDraft(scope))
  const [files, setFilesState] = useState<File[]>(() => session.loadDraftFiles(scope))
  const setText = (v: string): void => {
    setTextState(v)
    session.saveDraft(v, scope)
  }
  const setFiles = (f: File[]): void => {
    setFilesState(f)
    session.saveDraftFiles(f, scope)
  }
  return {
    text,
    files,
    setText,
    setFiles,
    clear: (): void => {
      setText('')
      setFiles([])
    }
  }
}
