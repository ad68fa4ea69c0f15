import { Schema, type Connection } from 'mongoose'

/**
 * Pre-aggregated statistics (docs/adr/0145-statistics-pre-aggregated-per-day.md). Counter
 * documents are written only by `$inc` upserts, each by one writer (`shard`: a service process,
 * or the back-fill), and read by equality on `day` and `officeId` (pushed down by FerretDB 1.24),
 * a few shard documents per day and office: the cost of a report grows with the days asked for,
 * never with the number of cases.
 *
 * `stats_daily`: `_id` `<day>:<officeId>:<shard>` (officeId `*` = all offices), counters per
 * field (see counters.ts); day `all` holds the office's current backlog.
 * `stats_article_daily`: `_id` `<day>:<officeId>:<articleId>:<shard>`, `reads`.
 * The counters are not declared: the schema is not strict, and readers treat a missing field as 0.
 */
const statsDaySchema = new Schema(
  { _id: { type: String, required: true }, day: { type: String, required: true }, officeId: { type: String, required: true } },
  { strict: false, versionKey: false, minimize: false }
)
statsDaySchema.index({ day: 1, officeId: 1 })

const statsArticleDaySchema = new Schema(
  {
    _id: { type: String, required: true },
    day: { type: String, required: true },
    officeId: { type: String, required: true },
    articleId: { type: String, required: true },
    reads: { type: Number, required: true, default: 0 }
  },
  { versionKey: false }
)
// The most-read articles of a period: one equality query per day and office.
statsArticleDaySchema.index({ day: 1, officeId: 1 })

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
export const STATS_ARTICLE_COLLECTION = 'stats_article_daily'

export const statsModels = (connection: Connection) => ({
  StatsDay: connection.model('StatsDay', statsDaySchema, STATS_DAY_COLLECTION),
  StatsArticleDay: connection.model('StatsArticleDay', statsArticleDaySchema, STATS_ARTICLE_COLLECTION),
  StatsSettings: connection.model('StatsSettings', statsSettingsSchema, 'stats_settings')
})
