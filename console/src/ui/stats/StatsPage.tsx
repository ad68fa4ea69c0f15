import type { AdminOfficeList, ExpertProfile, StatsReport } from '@ze/contract'
import { useEffect, useState } from 'preact/hooks'
import { admin } from '../../api/admin'
import { locale } from '../../i18n'
import { useStore } from '../../state/store'
import { reportCsv } from './csv'
import { DayChart } from './DayChart'
import { minutesLabel, useStatsT } from './text'

const DAY_MS = 86_400_000
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10)

type Load = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; report: StatsReport }

/** "Statystyki": a period and an office, the figures as a chart, tables and a CSV download. */
export default function StatsPage({ me }: { me: ExpertProfile }) {
  const t = useStatsT()
  const lang = useStore(locale)
  const [form, setForm] = useState(() => ({ from: dayOf(Date.now() - 29 * DAY_MS), to: dayOf(Date.now()), officeId: '' }))
  const [query, setQuery] = useState(form)
  const [offices, setOffices] = useState<AdminOfficeList['items']>([])
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [target, setTarget] = useState<number | null>(null)
  const [reloads, setReloads] = useState(0)

  useEffect(() => {
    admin.offices().then(
      (r) => setOffices(r.items),
      () => {}
    )
  }, [])
  useEffect(() => {
    const ctrl = new AbortController()
    setLoad({ status: 'loading' })
    admin.stats({ from: query.from, to: query.to, ...(query.officeId ? { officeId: query.officeId } : {}) }, ctrl.signal).then(
      (report) => {
        setLoad({ status: 'ready', report })
        setTarget(report.withinTarget.targetMinutes)
      },
      () => !ctrl.signal.aborted && setLoad({ status: 'failed' })
    )
    return () => ctrl.abort()
  }, [query, reloads])

  const valid = form.from <= form.to && Date.parse(form.to) - Date.parse(form.from) < 366 * DAY_MS
  const submit = (e: Event) => {
    e.preventDefault()
    if (valid) setQuery({ ...form })
  }
  const download = (r: StatsReport) => {
    const url = URL.createObjectURL(new Blob([reportCsv(r)], { type: 'text/csv;charset=utf-8' }))
    const a = document.createElement('a')
    a.href = url
    a.download = `statystyki-${r.from}-${r.to}${r.officeId ? `-${r.officeId}` : ''}.csv`
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
  const saveTarget = async (e: Event) => {
    e.preventDefault()
    if (target === null) return
    await admin.setStatsTarget({ targetMinutes: target })
    setReloads((n) => n + 1)
  }
  const range = (x: { fromMinutes: number; toMinutes: number | null } | null) =>
    x === null
      ? t('none')
      : x.toMinutes === null
        ? `≥ ${minutesLabel(x.fromMinutes, lang)}`
        : `${minutesLabel(x.fromMinutes, lang)} – ${minutesLabel(x.toMinutes, lang)}`
  const mean = (s: number | null) => (s === null ? t('none') : minutesLabel(Math.round(s / 6) / 10, lang))
  const pct = (share: number | null) => (share === null ? t('none') : `${Math.round(share * 1000) / 10}%`)

  return (
    <section class="stats" aria-labelledby="stats-title">
      <h1 id="stats-title">{t('title')}</h1>
      <form class="filters" onSubmit={submit}>
        <label>
          {t('from')}{' '}
          <input type="date" value={form.from} max={form.to} onInput={(e) => setForm({ ...form, from: (e.currentTarget as HTMLInputElement).value })} />
        </label>
        <label>
          {t('to')} <input type="date" value={form.to} min={form.from} onInput={(e) => setForm({ ...form, to: (e.currentTarget as HTMLInputElement).value })} />
        </label>
        <label>
          {t('office')}{' '}
          <select value={form.officeId} onChange={(e) => setForm({ ...form, officeId: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t('allOffices')}</option>
            {offices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!valid}>
          {t('show')}
        </button>
        {load.status === 'ready' && (
          <button type="button" onClick={() => download(load.report)}>
            {t('exportCsv')}
          </button>
        )}
        {!valid && <span role="alert">{t('badPeriod')}</span>}
      </form>

      {load.status === 'loading' && (
        <p class="muted" role="status">
          {t('loading')}
        </p>
      )}
      {load.status === 'failed' && <p role="alert">{t('failed')}</p>}
      {load.status === 'ready' && <Report report={load.report} range={range} mean={mean} pct={pct} t={t} />}

      {/* The bounds come with the report: the console imports only types from the contract. */}
      {me.admin && target !== null && load.status === 'ready' && (
        <form class="filters" onSubmit={saveTarget}>
          <label>
            {t('target')}{' '}
            <select value={String(target)} onChange={(e) => setTarget(Number((e.currentTarget as HTMLSelectElement).value))}>
              {load.report.boundsMinutes.map((m) => (
                <option key={m} value={String(m)}>
                  {minutesLabel(m, lang)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t('saveTarget')}</button>
        </form>
      )}
    </section>
  )
}

type Fmt = (x: { fromMinutes: number; toMinutes: number | null } | null) => string

function Report({
  report: r,
  range,
  mean,
  pct,
  t
}: {
  report: StatsReport
  range: Fmt
  mean: (s: number | null) => string
  pct: (s: number | null) => string
  t: ReturnType<typeof useStatsT>
}) {
  const lang = useStore(locale)
  const totalFirst = r.days.reduce((s, d) => s + d.firstResponses, 0)
  const totalRatings = r.days.reduce((s, d) => s + d.ratings, 0)
  return (
    <>
      <h2>{t('summary')}</h2>
      <dl class="cards">
        <div>
          <dt>{t('opened')}</dt>
          <dd data-stat="opened">{r.totals.opened}</dd>
        </div>
        <div>
          <dt>{t('resolved')}</dt>
          <dd data-stat="resolved">{r.totals.resolved}</dd>
        </div>
        <div>
          <dt>
            {t('firstResponse')} — {t('median')}
          </dt>
          <dd data-stat="frt-median">{range(r.firstResponse.median)}</dd>
        </div>
        <div>
          <dt>
            {t('firstResponse')} — {t('p90')}
          </dt>
          <dd data-stat="frt-p90">{range(r.firstResponse.p90)}</dd>
        </div>
        <div>
          <dt>
            {t('resolution')} — {t('median')}
          </dt>
          <dd data-stat="res-median">{range(r.resolution.median)}</dd>
        </div>
        <div>
          <dt>{t('withinTarget', { target: minutesLabel(r.withinTarget.targetMinutes, lang) })}</dt>
          <dd data-stat="within-target">
            {pct(r.withinTarget.share)} ({r.withinTarget.within}/{r.withinTarget.answered})
          </dd>
        </div>
        <div>
          <dt>{t('average')}</dt>
          <dd data-stat="rating-average">
            {r.satisfaction.average === null ? t('none') : r.satisfaction.average.toLocaleString(lang, { maximumFractionDigits: 2 })} ({r.satisfaction.count})
          </dd>
        </div>
        <div>
          <dt>{t('deflected')}</dt>
          <dd data-stat="deflected">
            {r.deflection.deflected}/{r.deflection.draftsWithSuggestion} ({pct(r.deflection.share)})
          </dd>
        </div>
      </dl>

      <h2>{t('perDay')}</h2>
      <DayChart days={r.days} label={t('chartLabel', { from: r.from, to: r.to })} openedLabel={t('opened')} resolvedLabel={t('resolved')} />
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t('perDay')}>
        <table class="grid" data-stat="days">
          <caption class="sr">{t('perDay')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('day')}</th>
              <th scope="col">{t('opened')}</th>
              <th scope="col">{t('resolved')}</th>
              <th scope="col">{t('reopened')}</th>
              <th scope="col">{t('firstResponses')}</th>
              <th scope="col">{t('ratings')}</th>
            </tr>
          </thead>
          <tbody>
            {r.days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{d.opened}</td>
                <td>{d.resolved}</td>
                <td>{d.reopened}</td>
                <td>{d.firstResponses}</td>
                <td>{d.ratings}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('total')}</th>
              <td>{r.totals.opened}</td>
              <td>{r.totals.resolved}</td>
              <td>{r.totals.reopened}</td>
              <td>{totalFirst}</td>
              <td>{totalRatings}</td>
            </tr>
          </tfoot>
        </table>
      </div>

      <div class="stats-columns">
        <section aria-labelledby="st-times">
          <h2 id="st-times">
            {t('firstResponse')} / {t('resolution')}
          </h2>
          <table class="grid">
            <thead>
              <tr>
                <th scope="col">
                  <span class="sr">{t('summary')}</span>
                </th>
                <th scope="col">{t('firstResponse')}</th>
                <th scope="col">{t('resolution')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('count')}</th>
                <td>{r.firstResponse.count}</td>
                <td>{r.resolution.count}</td>
              </tr>
              <tr>
                <th scope="row">{t('median')}</th>
                <td>{range(r.firstResponse.median)}</td>
                <td>{range(r.resolution.median)}</td>
              </tr>
              <tr>
                <th scope="row">{t('p90')}</th>
                <td>{range(r.firstResponse.p90)}</td>
                <td>{range(r.resolution.p90)}</td>
              </tr>
              <tr>
                <th scope="row">{t('mean')}</th>
                <td>{mean(r.firstResponse.meanSeconds)}</td>
                <td>{mean(r.resolution.meanSeconds)}</td>
              </tr>
            </tbody>
          </table>
        </section>
        <section aria-labelledby="st-backlog">
          <h2 id="st-backlog">{t('backlog')}</h2>
          <table class="grid" data-stat="backlog">
            <thead>
              <tr>
                <th scope="col">{t('under4h')}</th>
                <th scope="col">{t('under24h')}</th>
                <th scope="col">{t('under3d')}</th>
                <th scope="col">{t('older')}</th>
                <th scope="col">{t('total')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{r.backlog.under4h}</td>
                <td>{r.backlog.under24h}</td>
                <td>{r.backlog.under3d}</td>
                <td>{r.backlog.older}</td>
                <td>{r.backlog.total}</td>
              </tr>
            </tbody>
          </table>
        </section>
        <section aria-labelledby="st-sat">
          <h2 id="st-sat">{t('satisfaction')}</h2>
          <table class="grid" data-stat="ratings">
            <thead>
              <tr>
                {r.satisfaction.scores.map((_, i) => (
                  <th key={i} scope="col">
                    {i + 1}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {r.satisfaction.scores.map((n, i) => (
                  <td key={i}>{n}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </section>
        <section aria-labelledby="st-defl">
          <h2 id="st-defl">{t('deflection')}</h2>
          <table class="grid">
            <thead>
              <tr>
                <th scope="col">{t('drafts')}</th>
                <th scope="col">{t('asked')}</th>
                <th scope="col">{t('deflected')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{r.deflection.draftsWithSuggestion}</td>
                <td>{r.deflection.askedAfterSuggestion}</td>
                <td>{r.deflection.deflected}</td>
              </tr>
            </tbody>
          </table>
        </section>
        <section aria-labelledby="st-read">
          <h2 id="st-read">{t('mostRead')}</h2>
          {r.articles.mostRead.length === 0 ? (
            <p class="muted">{t('noArticles')}</p>
          ) : (
            <table class="grid">
              <thead>
                <tr>
                  <th scope="col">{t('title')}</th>
                  <th scope="col">{t('reads')}</th>
                </tr>
              </thead>
              <tbody>
                {r.articles.mostRead.map((a) => (
                  <tr key={a.articleId}>
                    <th scope="row">{a.title}</th>
                    <td>{a.reads}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section aria-labelledby="st-unhelpful">
          <h2 id="st-unhelpful">{t('leastHelpful')}</h2>
          {r.articles.leastHelpful.length === 0 ? (
            <p class="muted">{t('noArticles')}</p>
          ) : (
            <table class="grid">
              <thead>
                <tr>
                  <th scope="col">{t('title')}</th>
                  <th scope="col">{t('notHelpful')}</th>
                  <th scope="col">{t('helpful')}</th>
                </tr>
              </thead>
              <tbody>
                {r.articles.leastHelpful.map((a) => (
                  <tr key={a.articleId}>
                    <th scope="row">{a.title}</th>
                    <td>{a.notHelpful}</td>
                    <td>{a.helpful}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </>
  )
}
