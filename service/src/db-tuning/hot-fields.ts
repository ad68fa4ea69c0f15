/**
 * Per collection, the top-level fields that hot queries filter on by equality (`_id` is always
 * added). Each gets a GIN expression index on FerretDB + PostgreSQL; on MongoDB the models'
 * own indexes serve them. Keep in step with the queries: test/db-tuning checks their plans.
 */
export const HOT_FIELDS: Record<string, string[]> = {
  // The read model's list fields (repositories/case-lists): lists, unread count, queue views.
  cases: ['listSeg', 'unreadSeg', 'statusSeg', 'assigneeSeg'],
  case_segments: ['list', 'top', 'bottom', 'prev'],
  // The office's list version, read by _id on every cached list read (case-lists/page-cache.ts).
  case_list_versions: [],
  // A case's conversation.
  messages: ['caseId'],
  // Expert authentication on every admin request.
  expert_keys: ['keyHash'],
  // Attachment downloads: the file by _id, its chunks by file.
  'fs.files': [],
  'fs.chunks': ['files_id'],
  // Rate-limit windows per user.
  rate_limits: ['key'],
  // Statistics (stats/model.ts): counters upserted by _id on every counted write, read by month and office.
  stats_daily: ['monthOffice'],
  // Article reads as the release before month roll-ups kept them, read by migration 0008.
  stats_article_monthly: ['monthOffice'],
  // Month roll-ups: a report's whole months, read by year and office.
  stats_monthly: ['yearOffice']
}
