import { Schema, type Connection } from 'mongoose'

/**
 * Pre-aggregated statistics (docs/adr/0145-statistics-pre-aggregated-per-day.md). Counter
 * documents are written only by `$inc` upserts, each by one writer (`shard`: a service process,
 * or the back-fill), and read by equality on one top-level field (pushed down by FerretDB 1.24
 * to a GIN index, db-tuning/hot-fields.ts), whatever the number of cases.
 *
 * `stats_daily`: `_id` `<day>:<officeId>:<shard>` (officeId `*` = all offices), counters per
 * field (see counters.ts; article reads `reads_<articleId>`), read a month per query by
 * `monthOffice` (`<YYYY-MM>|<officeId>`); day `all` (monthOffice `all|<officeId>`) holds the
 * office's current backlog.
 * `stats_monthly`: `_id` `<month>:<officeId>:<shard>`, the month roll-up of the day counters
 * (months.ts), read by `yearOffice` (`2026|*`): a period's whole months are at most 2 queries,
 * and only its edge months (and the backlog's last days) are read from day documents.
 * `stats_article_monthly`: `_id` `<month>:<officeId>:<articleId>:<shard>`, `reads` and `reads_DD`:
 * how the release before month roll-ups counted reads; no longer written, migration 0008 moves them.
 * The counters are not declared: the schemas are not strict, and readers treat a missing field as 0.
 */
const statsDaySchema = new Schema(
  {
    _id: { type: String, required: true },
    day: { type: String, required: true },
    officeId: { type: String, required: true },
    monthOffice: { type: String, required: true }
  },
  { strict: false, versionKey: false, minimize: false }
)
statsDaySchema.index({ monthOffice: 1 })

const statsArticleMonthSchema = new Schema(
  {
    _id: { type: String, required: true },
    month: { type: String, required: true },
    officeId: { type: String, required: true },
    articleId: { type: String, required: true },
    monthOffice: { type: String, required: true }
  },
  { strict: false, versionKey: false, minimize: false }
)
statsArticleMonthSchema.index({ monthOffice: 1 })

const statsMonthSchema = new Schema(
  {
    _id: { type: String, required: true },
    month: { type: String, required: true },
    officeId: { type: String, required: true },
    yearOffice: { type: String, required: true }
  },
  { strict: false, versionKey: false, minimize: false }
)
statsMonthSchema.index({ yearOffice: 1 })

/** The admin's choices for the statistics (one document, `_id: 'stats'`). */
const statsSettingsSchema = new Schema(
  {
    _id: { type: String, required: true },
    targetMinutes: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, default: null }
  },
  { versionKey: false }
)

export const STATS_DAY_COLLECTION = 'stats_daily'
/** Article reads of the release before month roll-ups (read by migration 0008 only). */
export const STATS_ARTICLE_COLLECTION = 'stats_article_monthly'

export const STATS_MONTH_COLLECTION = 'stats_monthly'

export const statsModels = (connection: Connection) => ({
  StatsDay: connection.model('StatsDay', statsDaySchema, STATS_DAY_COLLECTION),
  StatsArticleMonth: connection.model('StatsArticleMonth', statsArticleMonthSchema, STATS_ARTICLE_COLLECTION),
  StatsMonth: connection.model('StatsMonth', statsMonthSchema, STATS_MONTH_COLLECTION),
  StatsSettings: connection.model('StatsSettings', statsSettingsSchema, 'stats_settings')
})
