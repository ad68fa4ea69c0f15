import type { ExpertPreferences } from '@ze/contract'
import { useEffect, useState } from 'preact/hooks'
import { admin } from '../../api/admin'
import { locale, useT, type Locale } from '../../i18n'

const CHOICES = [
  ['all', 'notifyAllLong'],
  ['unassigned', 'notifyUnassignedLong'],
  ['digest', 'notifyDigestLong'],
  ['none', 'notifyNoneLong']
] as const

/** "Moje ustawienia" (every expert): which new cases I am e-mailed about, and my language. */
export default function SettingsPage() {
  const t = useT()
  const [prefs, setPrefs] = useState<ExpertPreferences | null>(null)
  const [phase, setPhase] = useState<'idle' | 'saved' | 'failed'>('idle')
  useEffect(() => {
    admin.preferences().then(setPrefs, () => setPhase('failed'))
  }, [])
  const save = async (e: Event) => {
    e.preventDefault()
    if (!prefs) return
    try {
      const saved = await admin.setPreferences(prefs)
      setPrefs(saved)
      locale.set(saved.locale)
      setPhase('saved')
    } catch {
      setPhase('failed')
    }
  }
  return (
    <section class="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settingsTitle')}</h1>
      {!prefs && phase !== 'failed' && (
        <p class="muted" role="status">
          {t('loading')}
        </p>
      )}
      {prefs && (
        <form onSubmit={(e) => void save(e)}>
          <fieldset>
            <legend>{t('newCasesMail')}</legend>
            {CHOICES.map(([value, label]) => (
              <label key={value} class="check">
                <input type="radio" name="newCases" value={value} checked={prefs.newCases === value} onChange={() => setPrefs({ ...prefs, newCases: value })} />{' '}
                {t(label)}
              </label>
            ))}
          </fieldset>
          <label>
            {t('languageLong')}{' '}
            <select value={prefs.locale} onChange={(e) => setPrefs({ ...prefs, locale: e.currentTarget.value as Locale })}>
              <option value="pl">Polski</option>
              <option value="en">English</option>
            </select>
          </label>
          <button type="submit" class="primary">
            {t('save')}
          </button>
        </form>
      )}
      <div role="status" aria-live="polite">
        {phase === 'saved' && <p>{t('saved')}</p>}
      </div>
      {phase === 'failed' && <p role="alert">{t('actionFailed')}</p>}
    </section>
  )
}
