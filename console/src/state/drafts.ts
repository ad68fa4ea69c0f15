/** Reply drafts per case in localStorage, so a reload or a crash loses nothing typed. */
export interface Draft {
  body: string
  internal: boolean
}

const key = (caseId: string) => `ze-console-draft:${caseId}`

export function loadDraft(caseId: string): Draft {
  try {
    const raw = localStorage.getItem(key(caseId))
    const parsed = raw ? (JSON.parse(raw) as Partial<Draft>) : {}
    return { body: typeof parsed.body === 'string' ? parsed.body : '', internal: parsed.internal === true }
  } catch {
    return { body: '', internal: false }
  }
}

export function saveDraft(caseId: string, draft: Draft): void {
  try {
    if (draft.body.trim() === '' && !draft.internal) localStorage.removeItem(key(caseId))
    else localStorage.setItem(key(caseId), JSON.stringify(draft))
  } catch {
    // storage full or disabled: the draft lives as long as the page
  }
}

export function clearDraft(caseId: string): void {
  try {
    localStorage.removeItem(key(caseId))
  } catch {
    // nothing stored
  }
}
