import type { AdminOfficeList, AuditEntry, AuditQuery, TeamMember } from '@ze/contract'
import { useEffect, useState } from 'preact/hooks'
import { admin } from '../../api/admin'
import { formatDateTime, locale, useT } from '../../i18n'
import { useStore } from '../../state/store'
import { OfficeSelect } from '../OfficeSelect'
import { ACTION_LABELS, actionLabel } from './actions'

type Filters = { actorId: string; action: string; officeId: string; caseId: string; from: string; to: string }
const NO_FILTERS: Filters = { actorId: '', action: '', officeId: '', caseId: '', from: '', to: '' }
type Load = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; items: AuditEntry[]; nextCursor: string | null }
const PAGE = 50
// The service reads a bounded number of days per request, so a page may come back short with a cursor; follow it this many times at most.
const FOLLOW_MAX = 12

function queryOf(f: Filters): AuditQuery {
  const q: AuditQuery = { limit: PAGE }
  if (f.actorId) Object.assign(q, { actorKind: 'expert', actorId: f.actorId })
  if (f.action) q.action = f.action
  if (f.officeId) q.officeId = f.officeId
  if (/^[0-9a-fA-F]{24}$/.test(f.caseId.trim())) q.caseId = f.caseId.trim()
  if (f.from) q.from = f.from
  if (f.to) q.to = f.to
  return q
}

/** Up to a page of entries from `cursor` on, following short pages (empty days) a bounded number of times. */
async function fetchPage(query: AuditQuery, cursor?: string, signal?: AbortSignal): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const items: AuditEntry[] = []
  let next: string | null = cursor ?? null
  for (let i = 0; i < FOLLOW_MAX; i++) {
    const page = await admin.audit({ ...query, ...(next ? { cursor: next } : {}) }, signal)
    items.push(...page.items)
    next = page.nextCursor
    if (!next || items.length >= PAGE) break
  }
  return { items, nextCursor: next }
}

/** "Dziennik" (admins): the audit log, newest first, filtered by expert, action, office, case and period. */
export default function AuditPage() {
  const t = useT()
  const lang = useStore(locale)
  const [draft, setDraft] = useState<Filters>(NO_FILTERS)
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [experts, setExperts] = useState<TeamMember[]>([])
  const [offices, setOffices] = useState<AdminOfficeList['items']>([])

  useEffect(() => {
    admin.team().then(
      (l) => setExperts(l.items),
      () => undefined
    )
    admin.offices().then(
      (o) => setOffices(o.items),
      () => undefined
    )
  }, [])
  useEffect(() => {
    const ctrl = new AbortController()
    setLoad({ status: 'loading' })
    fetchPage(queryOf(filters), undefined, ctrl.signal).then(
      (page) => setLoad({ status: 'ready', ...page }),
      () => !ctrl.signal.aborted && setLoad({ status: 'failed' })
    )
    return () => ctrl.abort()
  }, [filters])

  const more = async () => {
    if (load.status !== 'ready' || !load.nextCursor) return
    const page = await fetchPage(queryOf(filters), load.nextCursor)
    setLoad({ status: 'ready', items: [...load.items, ...page.items], nextCursor: page.nextCursor })
  }
  const set = (k: keyof Filters) => (e: Event) => setDraft({ ...draft, [k]: (e.currentTarget as HTMLInputElement).value })
  const officeName = (id: string | null) => (id ? (offices.find((o) => o.id === id)?.name ?? id) : t('none'))

  return (
    <section class="audit" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('auditTitle')}</h1>
      <form
        class="filters"
        aria-label={t('auditFilters')}
        onSubmit={(e) => {
          e.preventDefault()
          setFilters(draft)
        }}
      >
        <label>
          {t('filterExpert')}{' '}
          <select value={draft.actorId} onChange={set('actorId')}>
            <option value="">{t('anyExpert')}</option>
            {experts.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterAction')}{' '}
          <select value={draft.action} onChange={set('action')}>
            <option value="">{t('anyAction')}</option>
            {Object.keys(ACTION_LABELS).map((a) => (
              <option key={a} value={a}>
                {actionLabel(a, lang)}
              </option>
            ))}
          </select>
        </label>
        <OfficeSelect offices={offices} value={draft.officeId} onChange={(officeId) => setDraft({ ...draft, officeId })} />
        <label>
          {t('filterCase')} <input size={26} pattern="[0-9a-fA-F]{24}" value={draft.caseId} onInput={set('caseId')} />
        </label>
        <label>
          {t('filterFrom')} <input type="date" value={draft.from} onInput={set('from')} />
        </label>
        <label>
          {t('filterTo')} <input type="date" value={draft.to} onInput={set('to')} />
        </label>
        <button type="submit" class="primary">
          {t('apply')}
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(NO_FILTERS)
            setFilters(NO_FILTERS)
          }}
        >
          {t('clearFilters')}
        </button>
      </form>
      {load.status === 'loading' && (
        <p class="muted" role="status">
          {t('loading')}
        </p>
      )}
      {load.status === 'failed' && <p role="alert">{t('loadFailed')}</p>}
      {load.status === 'ready' && load.items.length === 0 && <p class="muted">{t('noEntries')}</p>}
      {load.status === 'ready' && load.items.length > 0 && (
        <table class="audit-table" aria-label={t('auditEntries')}>
          <thead>
            <tr>
              <th scope="col">{t('colWhen')}</th>
              <th scope="col">{t('colWho')}</th>
              <th scope="col">{t('colWhat')}</th>
              <th scope="col">{t('colTarget')}</th>
              <th scope="col">{t('colOffice')}</th>
              <th scope="col">{t('colFrom')}</th>
            </tr>
          </thead>
          <tbody>
            {load.items.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
                </td>
                <td>{e.actor.name}</td>
                <td>
                  {actionLabel(e.action, lang)} <code class="muted">{e.action}</code>
                </td>
                <td class="wrap">
                  {e.target.type} {typeof e.detail.name === 'string' && <strong>{e.detail.name} </strong>}
                  <code>{e.target.id}</code>
                  {typeof e.detail.reason === 'string' && <span class="muted"> „{e.detail.reason}”</span>}
                  {e.caseId && (
                    <>
                      {' '}
                      <a href={`#/case/${encodeURIComponent(e.caseId)}`}>{t('openCase')}</a>{' '}
                      <button
                        type="button"
                        class="link"
                        onClick={() => {
                          const next = { ...NO_FILTERS, caseId: e.caseId! }
                          setDraft(next)
                          setFilters(next)
                        }}
                      >
                        {t('onlyThisCase')}
                      </button>
                    </>
                  )}
                </td>
                <td>{officeName(e.officeId)}</td>
                <td class="muted">{e.ip ?? t('none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {load.status === 'ready' && load.nextCursor && (
        <button type="button" onClick={() => void more()}>
          {t('olderEntries')}
        </button>
      )}
    </section>
  )
}
