import type { Types } from 'mongoose'
import type { Models } from '../models/index.js'
import { AppError } from '../errors.js'
import { parseQuery, searchFields } from '../search/normalize.js'
import type { SearchIndexes } from '../search/indexes.js'
import type { AdminThreadListFilter, ThreadListFilter } from '@ze/contract'
import { afterPosition, cursorCodec, Position, positionOf } from './cursor.js'
import { toObjectId } from './map.js'
import type { StoredPost, StoredThread } from '../mapping/forum.js'
import { createForumReportsRepository } from './forum-reports.js'

/** The person writing: a host-app user (from the verified identity) or an expert. */
export type ForumActor =
  | { kind: 'user'; appId: string; officeId: string; id: string; name: string; role: 'office_chief' | 'employee' | 'client' }
  | { kind: 'expert'; id: string; name: string }

/** End users see one app's visible content; experts (admin) see everything. */
export type ForumScope = { appId: string } | { admin: true }

/** Who hid or showed something, and why (kept on the document; the audit log keeps the history). */
export interface ModerationInput {
  reason: string
  by: { id: string; name: string }
}

const cursor = cursorCodec(Position)
const isAdmin = (scope: ForumScope): scope is { admin: true } => 'admin' in scope

const authorOf = (actor: ForumActor) =>
  actor.kind === 'user'
    ? { kind: 'user' as const, id: actor.id, name: actor.name, role: actor.role }
    : { kind: 'expert' as const, id: actor.id, name: actor.name, role: 'expert' as const }

// The accepted answer is part of what a solved thread is about, so it is searchable too.
const threadSearch = (title: string, body: string, answer?: string) => searchFields({ title, body: answer ? `${body}\n${answer}` : body })

export function createForumRepository(models: Models, searchIndexes: SearchIndexes) {
  const { ForumThread, ForumPost } = models
  const reports = createForumReportsRepository(models)

  async function findThread(id: string, scope: ForumScope): Promise<StoredThread> {
    const _id = toObjectId(id)
    const filter = isAdmin(scope) ? { _id } : { _id, appId: scope.appId, hidden: false }
    const doc = _id && ((await ForumThread.findOne(filter, { search: 0 }).lean()) as StoredThread | null)
    if (!doc) throw new AppError('THREAD_NOT_FOUND')
    return doc
  }

  async function list(filter: ThreadListFilter & Pick<AdminThreadListFilter, 'appId' | 'hidden' | 'attention'>) {
    const limit = filter.limit ?? 20
    const where: Record<string, unknown> = {}
    if (filter.appId) where.appId = filter.appId
    if (filter.hidden !== undefined) where.hidden = filter.hidden
    // Unanswered: nobody has replied visibly yet (replyCount counts visible replies only).
    if (filter.attention === 'unanswered') Object.assign(where, { hidden: false, replyCount: 0, solved: false })
    if (filter.attention === 'reported') where._id = { $in: await reports.reportedThreadIds() }
    const query = parseQuery(filter.q)
    // Every query word (as its stem) must be a prefix of some word of the thread.
    if (query) where['search.keys'] = { $all: query.lookupKeys }
    const position = filter.cursor ? cursor.decode(filter.cursor) : undefined
    const docs = (await ForumThread.find({ ...where, ...afterPosition(position, 'desc') }, { search: 0 })
      .sort({ lastActivityAt: -1, _id: -1 })
      .limit(limit + 1)
      .lean()) as StoredThread[]
    const page = docs.slice(0, limit)
    const last = page[page.length - 1]
    return { items: page, nextCursor: docs.length > limit && last ? cursor.encode(positionOf(last)) : null }
  }

  /** After a change to what a thread is about or whether it is solved: stored tokens, then the index. */
  async function refreshSearch(threadId: Types.ObjectId): Promise<void> {
    const thread = (await ForumThread.findById(threadId, { appId: 1, title: 1, body: 1, acceptedPostId: 1 }).lean()) as StoredThread | null
    if (!thread) return
    const answer = thread.acceptedPostId ? await ForumPost.findOne({ _id: thread.acceptedPostId, hidden: false }, { body: 1 }).lean() : null
    await ForumThread.updateOne({ _id: threadId }, { $set: { search: threadSearch(thread.title, thread.body, answer?.body) } })
    await searchIndexes.changed(thread.appId, 'thread', String(threadId))
  }

  return {
    findThread,
    reports,

    async createThread(actor: Extract<ForumActor, { kind: 'user' }>, input: { title: string; body: string }): Promise<StoredThread> {
      const now = new Date()
      const doc = await ForumThread.create({
        appId: actor.appId,
        officeId: actor.officeId,
        title: input.title.trim(),
        body: input.body.trim(),
        author: authorOf(actor),
        lastActivityAt: now,
        search: threadSearch(input.title, input.body)
      })
      const { search: _search, ...rest } = doc.toObject()
      return rest as StoredThread
    },

    listVisible: (appId: string, filter: ThreadListFilter) => list({ ...filter, appId, hidden: false }),
    listAll: (filter: AdminThreadListFilter) => list(filter),

    async threadWithPosts(id: string, scope: ForumScope): Promise<{ thread: StoredThread; posts: StoredPost[] }> {
      const thread = await findThread(id, scope)
      const posts = (await ForumPost.find({ threadId: thread._id, ...(isAdmin(scope) ? {} : { hidden: false }) })
        .sort({ createdAt: 1, _id: 1 })
        .limit(1000)
        .lean()) as StoredPost[]
      return { thread, posts }
    },

    async reply(threadId: string, scope: ForumScope, actor: ForumActor, body: string): Promise<{ thread: StoredThread; post: StoredPost }> {
      const thread = await findThread(threadId, scope)
      const now = new Date()
      const created = await ForumPost.create({
        threadId: thread._id,
        appId: thread.appId,
        officeId: actor.kind === 'user' ? actor.officeId : null,
        author: authorOf(actor),
        body: body.trim()
      })
      // No transactions on FerretDB: the post is stored first, then the denormalised counters.
      await ForumThread.updateOne({ _id: thread._id }, { $inc: { replyCount: 1 }, $set: { lastActivityAt: now } })
      return { thread: { ...thread, replyCount: thread.replyCount + 1, lastActivityAt: now }, post: created.toObject() as StoredPost }
    },

    /** Marks a visible reply as the answer; only the thread's author (or an expert) may. */
    async accept(threadId: string, postId: string, scope: ForumScope, actor: ForumActor): Promise<StoredThread> {
      const thread = await findThread(threadId, scope)
      if (actor.kind === 'user' && !(thread.author.kind === 'user' && thread.author.id === actor.id && thread.appId === actor.appId)) {
        throw new AppError('NOT_THREAD_AUTHOR')
      }
      const _postId = toObjectId(postId)
      const post = _postId && (await ForumPost.findOne({ _id: _postId, threadId: thread._id, hidden: false }, { _id: 1 }).lean())
      if (!post) throw new AppError('POST_NOT_FOUND', 'No such visible reply in this thread')
      await ForumThread.updateOne({ _id: thread._id }, { $set: { solved: true, acceptedPostId: post._id } })
      await refreshSearch(thread._id)
      return { ...thread, solved: true, acceptedPostId: post._id }
    },

    /** Hides or shows a reply; hiding the accepted answer makes the thread unsolved again. */
    async setPostHidden(postId: string, hidden: boolean, input: ModerationInput): Promise<{ post: StoredPost; thread: StoredThread | null }> {
      const _id = toObjectId(postId)
      const moderation = { hidden, reason: input.reason.trim(), by: input.by, at: new Date() }
      const before = _id && ((await ForumPost.findOneAndUpdate({ _id }, { $set: { hidden, moderation } }, { new: false }).lean()) as StoredPost | null)
      if (!before) throw new AppError('POST_NOT_FOUND')
      if (hidden) await reports.resolve({ targetId: before._id }, 'hidden')
      if (before.hidden !== hidden) {
        await ForumThread.updateOne({ _id: before.threadId }, { $inc: { replyCount: hidden ? -1 : 1 } })
        if (hidden) {
          const res = await ForumThread.updateOne({ _id: before.threadId, acceptedPostId: before._id }, { $set: { solved: false, acceptedPostId: null } })
          if (res.modifiedCount === 1) await refreshSearch(before.threadId)
        }
      }
      const thread = (await ForumThread.findById(before.threadId, { search: 0 }).lean()) as StoredThread | null
      return { post: { ...before, hidden, moderation }, thread }
    },

    async setThreadHidden(threadId: string, hidden: boolean, input: ModerationInput): Promise<StoredThread> {
      const _id = toObjectId(threadId)
      const moderation = { hidden, reason: input.reason.trim(), by: input.by, at: new Date() }
      const doc = _id && ((await ForumThread.findOneAndUpdate({ _id }, { $set: { hidden, moderation } }, { new: true }).lean()) as StoredThread | null)
      if (!doc) throw new AppError('THREAD_NOT_FOUND')
      // A hidden thread takes its replies out of sight: every open report in it is dealt with.
      if (hidden) await reports.resolve({ threadId: doc._id }, 'hidden')
      await searchIndexes.changed(doc.appId, 'thread', threadId)
      return doc
    }
  }
}

export type ForumRepository = ReturnType<typeof createForumRepository>
