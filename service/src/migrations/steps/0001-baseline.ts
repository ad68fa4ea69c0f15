import type { Migration } from '../types.js'

/**
 * The schema of the first release that had migrations (commit 89917b0): nothing to change. Its
 * indexes are created by the index step that follows every run, so a new database and an upgraded
 * one end the same. Recorded so the history starts at a known point.
 */
export const baseline: Migration = {
  id: '0001-baseline',
  description: 'Start of the migration history (schema of 89917b0); indexes come from the index step',
  required: true,
  async up() {}
}
