import type { AdminCase, ExpertProfile, SavedReply, SavedReplyVariable } from '@ze/contract'
import { admin } from '../api/admin'
import { createStore } from './store'

export type Variables = Record<SavedReplyVariable, string>

/** What `{{imie}}`, `{{biuro}}`, `{{numer}}` and `{{ekspert}}` stand for in this case. */
export function caseVariables(c: Pick<AdminCase, 'createdBy' | 'office' | 'number'>, me: Pick<ExpertProfile, 'name'>): Variables {
  // "imię": the chief's first name, the way a Polish reply greets ("Dzień dobry Pani Anno" is the expert's to write).
  const imie = c.createdBy.name.trim().split(/\s+/)[0] ?? ''
  return { imie, biuro: c.office.name, numer: String(c.number), ekspert: me.name }
}

/**
 * Fills the known variables (`{{ imie }}` with spaces and any letter case too); an unknown
 * `{{…}}` stays as typed, so a typo shows in the editor instead of vanishing from the reply.
 */
export function fillVariables(body: string, vars: Variables): string {
  return body.replace(/\{\{\s*([A-Za-zĄĆĘŁŃÓŚŹŻąćęłńóśźż]+)\s*\}\}/g, (whole, name: string) => {
    const key = name.toLowerCase().replace('ę', 'e') as SavedReplyVariable
    return Object.hasOwn(vars, key) ? vars[key] : whole
  })
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase()

/** Every word of the query starts a word of the title or a tag, or occurs in the body; diacritics ignored. */
export function matchesQuery(reply: Pick<SavedReply, 'title' | 'body' | 'tags'>, query: string): boolean {
  // Punctuation in the query ("—", "[", ",") is not something to find, only a separator.
  const words = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
  if (words.length === 0) return true
  const heads = fold(`${reply.title} ${reply.tags.join(' ')}`).split(/[^\p{L}\p{N}]+/u)
  const body = fold(reply.body)
  return words.every((w) => heads.some((h) => h.startsWith(w)) || body.includes(w))
}

/**
 * `;` opens the picker when typed at the start of the text or after whitespace, so
 * "a;b" or "https://x;y" never does.
 */
export const opensPicker = (text: string, caret: number): boolean => caret === 0 || /\s/.test(text[caret - 1] ?? '')

/** Puts `insert` in place of the selection and returns the new text and caret. */
export function insertText(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length }
}

/** The line a reply carries for a linked article; the widget opens it in its article view. */
export const articleLinkText = (title: string, slug: string) => `[${title.replace(/[[\]]/g, '')}](article:${slug})`

type ListState = { status: 'idle' | 'loading' | 'failed' } | { status: 'ready'; items: SavedReply[] }

/** The saved replies this expert sees, loaded once per page and after each change. */
export const savedReplies = createStore<ListState>({ status: 'idle' })

export async function loadSavedReplies(force = false): Promise<void> {
  const s = savedReplies.get()
  if (!force && (s.status === 'ready' || s.status === 'loading')) return
  savedReplies.set({ status: 'loading' })
  try {
    savedReplies.set({ status: 'ready', items: (await admin.savedReplies()).items })
  } catch {
    savedReplies.set({ status: 'failed' })
  }
}
