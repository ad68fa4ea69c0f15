import type { Migration } from './types.js'
import { baseline } from './steps/0001-baseline.js'
import { expertNotifyDefault } from './steps/0002-expert-notify-default.js'
import { caseNotificationFields } from './steps/0003-case-notification-fields.js'
import { statsBackfill } from './steps/0004-stats-backfill.js'
import { expertKeys } from './steps/0005-expert-keys.js'
import { caseLists } from './steps/0006-case-lists.js'
import { statsMonthKeys } from './steps/0007-stats-month-keys.js'
import { statsMonthRollups } from './steps/0008-stats-month-rollups.js'
import { caseListHeads } from './steps/0009-case-list-heads.js'

export type { Migration, MigrationContext, StepProgress } from './types.js'
export { createMigrator, type Migrator, type MigrationStatus } from './runner.js'

/** Every migration, in the order they run. Append only; a released id never changes. */
export const MIGRATIONS: readonly Migration[] = [
  baseline,
  expertNotifyDefault,
  caseNotificationFields,
  statsBackfill,
  expertKeys,
  caseLists,
  statsMonthKeys,
  statsMonthRollups,
  caseListHeads
]
