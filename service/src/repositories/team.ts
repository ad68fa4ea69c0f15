import { Types } from 'mongoose'
import type { ExpertPreferences, ExpertPreferencesPatch, TeamMember, TeamMemberPatch } from '@ze/contract'
import { AppError } from '../errors.js'
import type { Models } from '../models/index.js'
import type { ExpertKeys } from './expert-keys.js'

const TEAM_MAX = 500
const MEMBER_FIELDS = { name: 1, email: 1, admin: 1, locale: 1, notifyNewCases: 1, revokedAt: 1, createdAt: 1 } as const

interface StoredMember {
  _id: Types.ObjectId
  name: string
  email: string
  admin: boolean
  locale?: string | null
  notifyNewCases?: string | null
  revokedAt?: Date | null
  createdAt?: Date
}

const toMember = (d: StoredMember, keys: TeamMember['keys']): TeamMember => ({
  id: String(d._id),
  name: d.name,
  email: d.email,
  admin: d.admin,
  active: !d.revokedAt,
  locale: d.locale === 'en' ? 'en' : 'pl',
  newCases: (d.notifyNewCases ?? 'unassigned') as TeamMember['newCases'],
  createdAt: (d.createdAt ?? d._id.getTimestamp()).toISOString(),
  keys
})

/** The team view (Zespół): every expert with their keys, admin rights and activation, and each expert's own preferences. */
export function createTeamRepository(models: Models, keys: ExpertKeys) {
  const { Expert, ExpertSession } = models
  const activeAdmins = (): Promise<number> => Expert.countDocuments({ admin: true, revokedAt: null })

  async function member(id: string): Promise<TeamMember | null> {
    const doc = await Expert.findById(id, MEMBER_FIELDS).lean<StoredMember>()
    if (!doc) return null
    return toMember(doc, (await keys.byExpert([doc._id])).get(id) ?? [])
  }

  async function preferences(id: string): Promise<ExpertPreferences> {
    const doc = await Expert.findById(id, { notifyNewCases: 1, locale: 1 }).lean<StoredMember>()
    return { newCases: (doc?.notifyNewCases ?? 'unassigned') as ExpertPreferences['newCases'], locale: doc?.locale === 'en' ? 'en' : 'pl' }
  }

  return {
    member,
    preferences,

    async list(): Promise<TeamMember[]> {
      const docs = await Expert.find({}, MEMBER_FIELDS).limit(TEAM_MAX).lean<StoredMember[]>()
      const byExpert = await keys.byExpert(docs.map((d) => d._id))
      return docs.map((d) => toMember(d, byExpert.get(String(d._id)) ?? [])).sort((a, b) => a.name.localeCompare(b.name, 'pl'))
    },

    /**
     * Sets admin rights and activation. A change that would leave no active admin is refused
     * (LAST_ADMIN). Without transactions two admins demoting each other at once could both pass
     * the first count, so the count is taken again after the write and the write undone if it
     * left nobody. Deactivating ends the expert's sessions; the session and key checks also read
     * `revokedAt` on every request, so nothing cached outlives it on any instance.
     */
    async update(id: string, patch: TeamMemberPatch): Promise<{ before: TeamMember; after: TeamMember }> {
      const before = await member(id)
      if (!before) throw new AppError('EXPERT_NOT_FOUND')
      const losesAdmin = before.admin && before.active && (patch.admin === false || patch.active === false)
      if (losesAdmin && (await activeAdmins()) <= 1) throw new AppError('LAST_ADMIN', 'Make another expert an admin first')
      const set: Record<string, unknown> = {}
      if (patch.admin !== undefined) set.admin = patch.admin
      if (patch.active === false && before.active) set.revokedAt = new Date()
      if (patch.active === true) set.revokedAt = null
      if (Object.keys(set).length > 0) await Expert.updateOne({ _id: id }, { $set: set })
      if (losesAdmin && (await activeAdmins()) === 0) {
        await Expert.updateOne({ _id: id }, { $set: { admin: before.admin, revokedAt: before.active ? null : new Date() } })
        throw new AppError('LAST_ADMIN', 'Another change removed the other admin at the same time')
      }
      if (patch.active === false) await ExpertSession.deleteMany({ expertId: new Types.ObjectId(id) })
      return { before, after: (await member(id))! }
    },

    async setPreferences(id: string, patch: ExpertPreferencesPatch): Promise<ExpertPreferences> {
      const set: Record<string, unknown> = {}
      if (patch.newCases) set.notifyNewCases = patch.newCases
      if (patch.locale) set.locale = patch.locale
      await Expert.updateOne({ _id: id }, { $set: set })
      return preferences(id)
    }
  }
}

export type TeamRepository = ReturnType<typeof createTeamRepository>
