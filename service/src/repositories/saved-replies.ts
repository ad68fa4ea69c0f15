import type { Types } from 'mongoose'
import { SAVED_REPLIES_MAX_PER_LIST, type SavedReply, type SavedReplyCreateInput, type SavedReplyPatchInput } from '@ze/contract'
import { AppError } from '../errors.js'
import type { Models } from '../models/index.js'
import type { Expert } from './experts.js'
import { toObjectId } from './map.js'

interface StoredSavedReply {
  _id: Types.ObjectId
  scope: 'shared' | 'personal'
  ownerId: string | null
  ownerName: string | null
  title: string
  body: string
  tags: string[]
  updatedBy: { id: string; name: string }
  createdAt: Date
  updatedAt: Date
}

export function toSavedReply(doc: StoredSavedReply): SavedReply {
  return {
    id: String(doc._id),
    scope: doc.scope,
    title: doc.title,
    body: doc.body,
    tags: doc.tags,
    owner: doc.ownerId ? { id: doc.ownerId, name: doc.ownerName ?? '' } : null,
    updatedBy: doc.updatedBy,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString()
  }
}

const cleanTags = (tags: string[] | undefined) => (tags ? [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))] : undefined)

/**
 * "Gotowe odpowiedzi". Who may change what lives here, not in the routes: shared ones need an
 * admin expert (403), someone else's personal one does not exist for the caller (404, so ids
 * of other experts' texts cannot be probed).
 */
export function createSavedRepliesRepository(models: Models) {
  const { SavedReply } = models

  async function findWritable(id: string, expert: Expert): Promise<StoredSavedReply> {
    const _id = toObjectId(id)
    const doc = _id && ((await SavedReply.findById(_id).lean()) as StoredSavedReply | null)
    if (!doc || (doc.scope === 'personal' && doc.ownerId !== expert.id)) throw new AppError('SAVED_REPLY_NOT_FOUND')
    if (doc.scope === 'shared' && !expert.admin) throw new AppError('ADMIN_ROLE_REQUIRED', 'Shared saved replies are managed by experts with the admin role')
    return doc
  }

  return {
    async list(expert: Expert): Promise<SavedReply[]> {
      const docs = (await SavedReply.find({ ownerId: { $in: [null, expert.id] } })
        .sort({ title: 1, _id: 1 })
        .limit(SAVED_REPLIES_MAX_PER_LIST)
        .lean()) as StoredSavedReply[]
      return docs.map(toSavedReply)
    },

    async create(expert: Expert, input: SavedReplyCreateInput): Promise<SavedReply> {
      if (input.scope === 'shared' && !expert.admin)
        throw new AppError('ADMIN_ROLE_REQUIRED', 'Shared saved replies are managed by experts with the admin role')
      const personal = input.scope === 'personal'
      const doc = await SavedReply.create({
        scope: input.scope,
        ownerId: personal ? expert.id : null,
        ownerName: personal ? expert.name : null,
        title: input.title.trim(),
        body: input.body,
        tags: cleanTags(input.tags) ?? [],
        updatedBy: { id: expert.id, name: expert.name }
      })
      return toSavedReply(doc.toObject() as StoredSavedReply)
    },

    async update(expert: Expert, id: string, patch: SavedReplyPatchInput): Promise<SavedReply> {
      const doc = await findWritable(id, expert)
      const $set: Record<string, unknown> = { updatedBy: { id: expert.id, name: expert.name } }
      if (patch.title !== undefined) $set.title = patch.title.trim()
      if (patch.body !== undefined) $set.body = patch.body
      if (patch.tags !== undefined) $set.tags = cleanTags(patch.tags)
      const updated = (await SavedReply.findOneAndUpdate({ _id: doc._id }, { $set }, { new: true }).lean()) as StoredSavedReply | null
      if (!updated) throw new AppError('SAVED_REPLY_NOT_FOUND')
      return toSavedReply(updated)
    },

    async remove(expert: Expert, id: string): Promise<SavedReply> {
      const doc = await findWritable(id, expert)
      await SavedReply.deleteOne({ _id: doc._id })
      return toSavedReply(doc)
    }
  }
}

export type SavedRepliesRepository = ReturnType<typeof createSavedRepliesRepository>
