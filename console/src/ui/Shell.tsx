import type { ExpertProfile } from '@ze/contract'
import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { admin } from '../api/admin'
import { locale, useT, type Locale } from '../i18n'
import { liveState } from '../live/events'
import { lastQueueView } from '../state/route'
import { signOut } from '../state/session'
import { useStore } from '../state/store'
import { useShortcuts } from './keyboard'
import { ShortcutsHelp } from './ShortcutsHelp'

/** The language is the expert's preference on the service too (their e-mails use it); a failed save keeps the local choice. */
export function chooseLocale(l: Locale): void {
  locale.set(l)
  admin.setPreferences({ locale: l }).catch(() => undefined)
}

/** Header (navigation, language, "Wyloguj") around the current view; `?` opens the shortcuts. */
export function Shell({ me, children }: { me: ExpertProfile; children: ComponentChildren }) {
  const t = useT()
  const lang = useStore(locale)
  const live = useStore(liveState)
  const view = useStore(lastQueueView)
  const [help, setHelp] = useState(false)
  useShortcuts({ '?': () => setHelp(true) })
  return (
    <>
      <a class="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header class="top">
        <span class="brand">{t('appName')}</span>
        <nav aria-label={t('navMain')}>
          <a href={`#/queue/${view}`}>{t('navQueue')}</a>
          <a href="#/replies">{t('navReplies')}</a>
          <a href="#/stats">{t('navStats')}</a>
          <a href="#/forum">{t('navForum')}</a>
          {me.admin && <a href="#/kb">{t('navKb')}</a>}
          {me.admin && <a href="#/team">{t('navTeam')}</a>}
          {me.admin && <a href="#/audit">{t('navAudit')}</a>}
          <a href="#/settings">{t('navSettings')}</a>
        </nav>
        <span class="spacer" />
        <span class="muted">{t('signedInAs', { name: me.name })}</span>
        <label class="lang">
          {t('language')}{' '}
          <select value={lang} onChange={(e) => chooseLocale((e.currentTarget as HTMLSelectElement).value as Locale)}>
            <option value="pl">Polski</option>
            <option value="en">English</option>
          </select>
        </label>
        <button type="button" class="link" onClick={() => setHelp(true)}>
          {t('shortcutsButton')}
        </button>
        <button type="button" onClick={() => void signOut()}>
          {t('signOut')}
        </button>
      </header>
      {live === 'down' && (
        <p class="banner" role="status">
          {t('liveDown')}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
    </>
  )
}
