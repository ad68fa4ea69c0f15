import type { Models } from '../models/index.js'
import { isDuplicateKey } from './duplicate-key.js'

const MAX_ATTEMPTS = 20

/** Which cases share one sequence of numbers: one office of one app (docs/adr/0160-case-numbers-per-office.md). */
export interface NumberingScope {
  appId: string
  officeId: string
}

/**
 * Inserts a new case under the next number of its office. Numbers run per office, not per
 * app, so a chief cannot read the volume of other offices off the numbers they get (issue
 * 16, 7f). The number comes from a counter (`findOneAndUpdate` + `$inc` + upsert), atomic on
 * MongoDB. FerretDB 1.24 runs that as read-then-write, so concurrent requests can get the
 * same number: the unique {appId, officeId, number} index refuses the second insert, the
 * counter is lifted past the highest number in use, and the insert is retried.
 *
 * A counter that starts now for an office with older cases (numbered per app before this
 * change, or seeded in bulk) is lifted past them first, so its numbers keep growing.
 */
export async function insertNumbered(models: Models, scope: NumberingScope, insert: (number: number) => Promise<void>): Promise<number> {
  const key = `case-number:${scope.appId}:${scope.officeId}`
  const liftPastHighest = async (): Promise<boolean> => {
    const highest = await models.Case.findOne({ appId: scope.appId, officeId: scope.officeId }, { number: 1 }).sort({ number: -1 }).lean()
    if (!highest) return false
    const res = await models.Counter.updateOne({ _id: key }, { $max: { seq: highest.number } })
    return res.modifiedCount === 1
  }
  for (let attempt = 0; ; attempt++) {
    let number: number
    try {
      const counter = await models.Counter.findOneAndUpdate({ _id: key }, { $inc: { seq: 1 } }, { upsert: true, new: true }).lean()
      number = counter!.seq
    } catch (err) {
      // Two first-ever upserts can race on the counter's _id; the loser simply retries.
      if (isDuplicateKey(err) && attempt < MAX_ATTEMPTS) continue
      throw err
    }
    if (number === 1 && attempt === 0 && (await liftPastHighest())) continue
    try {
      await insert(number)
      return number
    } catch (err) {
      if (!isDuplicateKey(err) || attempt >= MAX_ATTEMPTS) throw err
      await liftPastHighest()
    }
  }
}
