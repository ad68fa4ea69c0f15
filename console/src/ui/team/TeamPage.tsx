import type { ExpertProfile, TeamMember } from '@ze/contract'
import { useEffect, useState } from 'preact/hooks'
import { admin } from '../../api/admin'
import { useT } from '../../i18n'
import { InviteForm } from './InviteForm'
import { MemberCard } from './MemberCard'

type Load = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; items: TeamMember[] }

/** "Zespół" (admins): invite, admin rights, deactivation and API keys of every expert. */
export default function TeamPage({ me }: { me: ExpertProfile }) {
  const t = useT()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const reload = () =>
    admin.team().then(
      (list) => setLoad({ status: 'ready', items: list.items }),
      () => setLoad({ status: 'failed' })
    )
  useEffect(() => void reload(), [])
  const replace = (m: TeamMember) => setLoad((l) => (l.status === 'ready' ? { status: 'ready', items: l.items.map((x) => (x.id === m.id ? m : x)) } : l))

  return (
    <section class="team" aria-labelledby="team-title">
      <h1 id="team-title">{t('teamTitle')}</h1>
      <InviteForm onInvited={() => void reload()} />
      {load.status === 'loading' && (
        <p class="muted" role="status">
          {t('loading')}
        </p>
      )}
      {load.status === 'failed' && (
        <p role="alert">
          {t('loadFailed')}{' '}
          <button type="button" onClick={() => void reload()}>
            {t('retry')}
          </button>
        </p>
      )}
      {load.status === 'ready' && (
        <ul class="members">
          {load.items.map((m) => (
            <MemberCard key={m.id} member={m} self={m.id === me.id} onChange={replace} onKeysChanged={() => void reload()} />
          ))}
        </ul>
      )}
    </section>
  )
}
