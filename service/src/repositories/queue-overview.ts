import { Types } from 'mongoose'
import type { AdminQueueCounts } from '@ze/contract'
import type { Models } from '../models/index.js'

const MAX_OFFICES = 500

/**
 * What the console shows around the queue: the count of each view and the offices to filter
 * by. Counts are equality filters on top-level fields only (status, assigneeId, officeId), so
 * FerretDB pushes every one of them down to PostgreSQL.
 */
export function createQueueOverviewRepository(models: Models) {
  return {
    async counts(expertId: string, officeId?: string): Promise<AdminQueueCounts> {
      const scope: Record<string, unknown> = officeId ? { officeId } : {}
      const count = (filter: Record<string, unknown>) => models.Case.countDocuments({ ...scope, ...filter })
      const [unassigned, mine, open, waiting, resolved] = await Promise.all([
        count({ status: 'open', assigneeId: null }),
        count({ status: 'open', assigneeId: new Types.ObjectId(expertId) }),
        count({ status: 'open' }),
        count({ status: 'answered' }),
        count({ status: 'resolved' })
      ])
      return { unassigned, mine, open, waiting, resolved }
    },

    /** Offices that have cases, by name. No $group on FerretDB: distinct ids, then one name each. */
    async offices(): Promise<Array<{ id: string; name: string }>> {
      const ids = ((await models.Case.distinct('officeId')) as string[]).slice(0, MAX_OFFICES)
      const named = await Promise.all(
        ids.map(async (id) => {
          const doc = await models.Case.findOne({ officeId: id }, { officeName: 1 }).lean()
          return { id, name: doc?.officeName ?? id }
        })
      )
      return named.sort((a, b) => a.name.localeCompare(b.name, 'pl'))
    }
  }
}

export type QueueOverviewRepository = ReturnType<typeof createQueueOverviewRepository>
