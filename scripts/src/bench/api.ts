import { personas } from '@ze/testkit/personas'
import { fmt, type Figure, type SetResult } from './lib/results.js'
import { interleaved, median, ratio } from './lib/stats.js'
import { machine } from './lib/machine.js'
import { load, timedGet, type LoadResult } from './lib/load.js'
import { prepareTenant, startBareServer, startDatabase, startService } from './lib/stack.js'
import { cpuMsOfTrees } from './lib/cpu.js'
import { availableParallelism } from 'node:os'

type Measured = LoadResult & { cpuMsPerRequest: number }
import { seedCases } from './seed-cases.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = 10
const TARGET = 0.7
const CASES = Number(process.env.BENCH_API_CASES ?? 10_000)
/** Issue 11: ten times the 61 req/s the list served on FerretDB/SQLite before the read model. */
const TARGET_RPS = 610

/**
 * Throughput of the service's GET /api/v1/cases and /me against the same queries made by a
 * bare Fastify route with the bare mongodb driver, on the same database in the same run.
 */
export async function apiBench(): Promise<SetResult> {
  const started = Date.now()
  const at = machine()
  const db = await startDatabase()
  const tenant = await prepareTenant(db.serverUri)
  const office = personas['chief-office'].claims.office
  // Started on the empty database, as in the scale set: seeded cases are already in the shape
  // the current release writes, and the upgrade migrations are not what this set measures.
  const service = await startService(tenant.mongodbUri)
  // The same service without its list cache (docs/adr/0101-cached-list-pages.md): what a read of a
  // list that has just changed costs, i.e. the read model itself.
  const uncached = await startService(tenant.mongodbUri, { CASE_LIST_CACHE_ENTRIES: '0' })
  let bare: Awaited<ReturnType<typeof startBareServer>> | undefined
  try {
    // 10 % of the cases are the caller's office (a list of ~900 active ones), the rest spread over
    // 200 other offices, as in the scale set; the read model is seeded with them.
    const seeded = await seedCases(tenant.data.models, {
      appId: tenant.appId,
      count: CASES,
      focusOffice: office,
      focusShare: 0.1,
      otherOffices: 200,
      firstNumber: 1
    })
    bare = await startBareServer(tenant.mongodbUri)
    const auth = { authorization: `Bearer ${await tenant.token('chief-office')}` }
    const tenantQuery = `appId=${tenant.appId}&officeId=${office.id}`
    const endpoints = {
      serviceCases: [`${service.url}/api/v1/cases?view=active&limit=20`, auth],
      bareCases: [`${bare.url}/cases?${tenantQuery}`, {}],
      uncachedCases: [`${uncached.url}/api/v1/cases?view=active&limit=20`, auth],
      serviceMe: [`${service.url}/api/v1/me`, auth],
      uncachedMe: [`${uncached.url}/api/v1/me`, auth],
      bareMe: [`${bare.url}/me?${tenantQuery}`, {}],
      bareHello: [`${bare.url}/hello`, {}],
      serviceHealth: [`${service.url}/healthz`, {}]
    } satisfies Record<string, [string, Record<string, string>]>
    type Key = keyof typeof endpoints
    // CPU time of the serving process and of the database (FerretDB, PostgreSQL and its backends)
    // per answered request: what the measured rate costs, whatever share of the CPU others took.
    const serverOf = (k: Key) => (k.startsWith('service') ? service.pid : k.startsWith('uncached') ? uncached.pid : bare!.pid)
    const targets = Object.fromEntries(
      Object.entries(endpoints).map(([k, [url, headers]]) => [
        k,
        async (): Promise<Measured> => {
          const pids = [serverOf(k as Key), ...db.pids()]
          const before = cpuMsOfTrees(pids)
          const r = await load(url, headers, { connections: CONNECTIONS, seconds: SECONDS })
          return { ...r, cpuMsPerRequest: r.total > 0 ? (cpuMsOfTrees(pids) - before) / r.total : Number.NaN }
        }
      ])
    ) as Record<Key, () => Promise<Measured>>
    const casesStatus = (await timedGet(endpoints.serviceCases[0], auth)).status
    // Warm-up: JIT, connection pools, the service's app cache, SQLite's page cache.
    for (const [url, headers] of Object.values(endpoints)) await load(url, headers, { connections: 4, seconds: 2 })

    const results = await interleaved(ROUNDS, targets, (round, key, r) =>
      console.log(
        `[bench] api round ${round} ${key}: ${fmt.rps(r.rps)} p99 ${r.p99} ms, ${r.cpuMsPerRequest.toFixed(2)} CPU ms/request${r.failures ? ` (${r.failures} failures)` : ''}`
      )
    )
    const rps = (k: Key) => median(results[k].map((r) => r.rps))
    const cpuMs = (k: Key) => median(results[k].map((r) => r.cpuMsPerRequest))
    /** The rate the CPU cost allows when the whole machine serves (load generator not counted). */
    const capacity = (k: Key) => (availableParallelism() * 1000) / cpuMs(k)
    const failures = (k: Key) => results[k].reduce((s, r) => s + r.failures, 0)
    const clean = (k: Key) => failures(k) === 0
    const casesRatio = ratio(rps('serviceCases'), rps('bareCases'))
    const meRatio = ratio(rps('serviceMe'), rps('bareMe'))

    const figures: Figure[] = [
      { name: `seeding ${CASES} cases with their read model`, value: `${seeded.seconds.toFixed(1)} s (${Math.round(CASES / seeded.seconds)} cases/s)` },
      {
        name: `GET /api/v1/cases (20 items) at ${CASES} cases, service`,
        value: clean('serviceCases') ? fmt.rps(rps('serviceCases')) : `${failures('serviceCases')} failed requests (HTTP ${casesStatus})`,
        target: `≥ ${TARGET_RPS} req/s`,
        met: clean('serviceCases') && rps('serviceCases') >= TARGET_RPS
      },
      {
        name: 'same list, service without its list cache (every read goes to the read model)',
        value: clean('uncachedCases') ? fmt.rps(rps('uncachedCases')) : `${failures('uncachedCases')} failed requests`
      },
      { name: 'bare Fastify hello route, same run', value: fmt.rps(rps('bareHello')) },
      { name: 'same reads, bare Fastify + mongodb driver', value: fmt.rps(rps('bareCases')) },
      {
        name: 'cases: service ÷ bare driver (with the cache / without it)',
        value: clean('serviceCases') && clean('uncachedCases') ? `${fmt.x(casesRatio)} / ${fmt.x(ratio(rps('uncachedCases'), rps('bareCases')))}` : 'n/a',
        target: `≥ ${TARGET}`,
        met: clean('serviceCases') && clean('uncachedCases') && Math.min(casesRatio, ratio(rps('uncachedCases'), rps('bareCases'))) >= TARGET
      },
      {
        name: 'GET /api/v1/me, service with / without the list cache',
        value:
          clean('serviceMe') && clean('uncachedMe')
            ? `${fmt.rps(rps('serviceMe'))} / ${fmt.rps(rps('uncachedMe'))}`
            : `${failures('serviceMe') + failures('uncachedMe')} failed requests`
      },
      { name: 'same count, bare Fastify + mongodb driver', value: fmt.rps(rps('bareMe')) },
      {
        name: 'me: service ÷ bare driver (with the cache / without it)',
        value: clean('serviceMe') && clean('uncachedMe') ? `${fmt.x(meRatio)} / ${fmt.x(ratio(rps('uncachedMe'), rps('bareMe')))}` : 'n/a',
        target: `≥ ${TARGET}`,
        met: clean('serviceMe') && clean('uncachedMe') && Math.min(meRatio, ratio(rps('uncachedMe'), rps('bareMe'))) >= TARGET
      },
      {
        name: 'context, no database: service GET /healthz / bare hello route',
        value: `${fmt.rps(rps('serviceHealth'))} / ${fmt.rps(rps('bareHello'))} (${fmt.x(ratio(rps('serviceHealth'), rps('bareHello')))})`
      },
      {
        name: 'CPU per request (serving process + FerretDB + PostgreSQL): service cases / without cache / bare cases / service me / without cache / bare me',
        value: (['serviceCases', 'uncachedCases', 'bareCases', 'serviceMe', 'uncachedMe', 'bareMe'] as const)
          .map((k) => `${cpuMs(k).toFixed(2)} ms`)
          .join(' / ')
      },
      {
        name: `GET /api/v1/cases rate that CPU cost allows on all ${availableParallelism()} cores of this machine (no other load)`,
        value: `${fmt.rps(capacity('serviceCases'))} (without the cache: ${fmt.rps(capacity('uncachedCases'))}; bare driver: ${fmt.rps(capacity('bareCases'))})`
      },
      {
        name: 'p99 latency, service cases / without cache / bare cases',
        value: `${median(results.serviceCases.map((r) => r.p99))} / ${median(results.uncachedCases.map((r) => r.p99))} / ${median(results.bareCases.map((r) => r.p99))} ms`
      }
    ]
    const line = (k: Key) => `${k}: ${results[k].map((r: LoadResult) => Math.round(r.rps)).join(', ')} req/s`
    return {
      set: 'api',
      title: '2. API throughput (autocannon)',
      machine: at,
      durationSeconds: (Date.now() - started) / 1000,
      figures,
      rounds: (Object.keys(results) as Key[]).map(line),
      notes: [
        `${CASES} cases in the database (the caller's office holds 10 %), seeded with the service's Case model and its read model (docs/adr/0100-bounded-hot-queries.md).`,
        `${CONNECTIONS} connections, ${SECONDS} s per measurement, ${ROUNDS} interleaved rounds, medians; service and bare server each in their own process, load generated from a third.`,
        "The service caches the chief's list pages and unread count per office and checks on every request, with one read of the office's version token shared by the requests that wait for it, that no write has happened since (docs/adr/0101-cached-list-pages.md); the measured reads repeat one unchanged list, so they are served from the cache, as a chief's repeated reads are. The service without the cache is the cost of a list that has just changed, and what the bare side is compared with.",
        "The service side pays for what the bare side skips: HS256 token verification and the app lookup (cached), schema validation and serialisation, mongoose, the problem-details hooks, helmet/CORS headers and request ids. The bare side makes the same database reads (the list's segment directory, then whole segments by one equality, sorted in code) on the same collections and indexes.",
        'The service logs at `warn` in this benchmark; with `info` every request writes a log line.',
        `CPU per request is the CPU time (user + system, /proc) of the serving process, FerretDB and the PostgreSQL cluster with its backends, over each measurement, divided by the requests answered; it does not depend on how much of the machine others used meanwhile. The rate it allows is ${availableParallelism()} cores ÷ that cost, leaving out the load generator: an upper bound for an otherwise idle machine, not a measured rate.`,
        "The no-database pair shows the cost of the service's pipeline alone (request id, helmet, CORS delegator, error handling, serialisation); with the database in the path, FerretDB's query time dominates both sides."
      ]
    }
  } finally {
    await service.stop()
    await uncached.stop()
    await bare?.stop()
    await tenant.data.close()
    await db.stop()
  }
}
