import type { AdminCase } from '@ze/contract'
import { useEffect, useState } from 'preact/hooks'
import { admin } from '../../api/admin'
import { useT } from '../../i18n'
import { accountLabelKey } from '../../state/queue'

/** "Chrome 126 · Windows" from a user agent; the raw string stays in the title. */
export function browserName(ua: string): string {
  const engine = /(Edg|OPR|Firefox|Chrome|Safari)\/(\d+)/.exec(ua)
  const name = engine ? `${{ Edg: 'Edge', OPR: 'Opera' }[engine[1] as 'Edg' | 'OPR'] ?? engine[1]} ${engine[2]}` : ua.slice(0, 40)
  const os = /Windows|Mac OS X|Android|iPhone|Linux/.exec(ua)?.[0]
  return os ? `${name} · ${os.replace('Mac OS X', 'macOS')}` : name
}

/** Who asked, from where, with which package — and the office's earlier cases. */
export function ContextPanel({ c }: { c: AdminCase }) {
  const t = useT()
  const [earlier, setEarlier] = useState<AdminCase[] | null>(null)
  useEffect(() => {
    admin.queue({ officeId: c.office.id, limit: 11 }).then(
      (page) => setEarlier(page.items.filter((o) => o.id !== c.id).slice(0, 10)),
      () => setEarlier([])
    )
  }, [c.id, c.office.id])
  const ua = c.context.userAgent
  return (
    <aside class="context" aria-label={t('context')}>
      <h2>{t('context')}</h2>
      <dl>
        <dt>{t('office')}</dt>
        <dd>{c.office.name}</dd>
        <dt>{t('account')}</dt>
        <dd>{t(accountLabelKey(c), { name: c.account.name })}</dd>
        <dt>{t('package')}</dt>
        <dd>
          {c.package.name ?? t('none')} ({t(c.package.active ? 'packageActive' : 'packageInactive')})
          {c.aboutSystemUsage && <div class="muted">{t('aboutSystemUsage')}</div>}
        </dd>
        <dt>{t('chief')}</dt>
        <dd>
          {c.createdBy.name}
          {c.chiefEmail && (
            <>
              <br />
              <a href={`mailto:${c.chiefEmail}`}>{c.chiefEmail}</a>
            </>
          )}
        </dd>
        <dt>{t('pageUrl')}</dt>
        <dd class="wrap">{c.context.pageUrl ?? t('none')}</dd>
        <dt>{t('browser')}</dt>
        <dd title={ua ?? undefined}>{ua ? browserName(ua) : t('none')}</dd>
        <dt>{t('entryPoint')}</dt>
        <dd>{t(`entry_${c.entryPoint}`)}</dd>
      </dl>
      <h3>{t('earlierCases')}</h3>
      {earlier === null ? (
        <p class="muted">{t('loading')}</p>
      ) : earlier.length === 0 ? (
        <p class="muted">{t('noEarlierCases')}</p>
      ) : (
        <ul class="earlier">
          {earlier.map((o) => (
            <li key={o.id}>
              <a href={`#/case/${encodeURIComponent(o.id)}`}>
                #{o.number} {o.subject}
              </a>{' '}
              <span class="muted">{t(`status_${o.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}
