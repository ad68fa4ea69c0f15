import type { ActivityListener } from '../events/activity.js'
import { incrementsOf } from './counters.js'
import type { CounterWriter } from './writer.js'

/** The statistics as a listener of the one activity recorder: every counted fact is added as it is recorded. */
export function statsListener(writer: CounterWriter): ActivityListener {
  return async (activities) => {
    const increments = activities.flatMap(incrementsOf)
    if (increments.length > 0) await writer.apply(increments)
  }
}
