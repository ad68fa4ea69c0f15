import type { Types } from 'mongoose'
import type { Static } from 'typebox'
import type { AdminPost, AdminThread, Post, Thread } from '@ze/contract'
import { excerpt } from '../domain/markdown.js'

// Written out rather than inferred: mongoose widens nested enums to string and nested paths to nullable.
export interface Author {
  kind: 'user' | 'expert'
  id: string
  name: string
  role: 'office_chief' | 'employee' | 'client' | 'expert'
}

export interface StoredModeration {
  hidden: boolean
  reason: string
  by: { id: string; name: string }
  at: Date
}

export interface StoredThread {
  _id: Types.ObjectId
  appId: string
  officeId?: string | null
  title: string
  body: string
  author: Author
  replyCount: number
  solved: boolean
  acceptedPostId?: Types.ObjectId | null
  hidden: boolean
  moderation?: StoredModeration | null
  lastActivityAt: Date
  createdAt: Date
  updatedAt: Date
}

export interface StoredPost {
  _id: Types.ObjectId
  threadId: Types.ObjectId
  appId: string
  officeId?: string | null
  author: Author
  body: string
  hidden: boolean
  moderation?: StoredModeration | null
  createdAt: Date
}

const toModeration = (m: StoredModeration | null | undefined) =>
  m ? { hidden: m.hidden, reason: m.reason, by: { id: m.by.id, name: m.by.name }, at: m.at.toISOString() } : null

const publicAuthor = (a: Author) => ({ name: a.name, role: a.role, expert: a.kind === 'expert' })
const adminAuthor = (a: Author) => ({ kind: a.kind, id: a.id, name: a.name, role: a.role, expert: a.kind === 'expert' })

/** What end users see of a thread: no ids of people, no moderation state. */
export function toThread(doc: StoredThread): Static<typeof Thread> {
  return {
    id: String(doc._id),
    title: doc.title,
    excerpt: excerpt(doc.body),
    author: publicAuthor(doc.author),
    replyCount: doc.replyCount,
    solved: doc.solved,
    acceptedPostId: doc.acceptedPostId ? String(doc.acceptedPostId) : null,
    lastActivityAt: doc.lastActivityAt.toISOString(),
    createdAt: doc.createdAt.toISOString()
  }
}

export function toAdminThread(doc: StoredThread): Static<typeof AdminThread> {
  return {
    ...toThread(doc),
    appId: doc.appId,
    officeId: doc.officeId ?? null,
    author: adminAuthor(doc.author),
    hidden: doc.hidden,
    moderation: toModeration(doc.moderation)
  }
}

const isAccepted = (post: StoredPost, thread: StoredThread) => Boolean(thread.acceptedPostId?.equals(post._id))

export function toPost(post: StoredPost, thread: StoredThread): Static<typeof Post> {
  return {
    id: String(post._id),
    author: publicAuthor(post.author),
    body: post.body,
    createdAt: post.createdAt.toISOString(),
    accepted: isAccepted(post, thread)
  }
}

export function toAdminPost(post: StoredPost, thread: StoredThread | null): Static<typeof AdminPost> {
  return {
    id: String(post._id),
    threadId: String(post.threadId),
    author: adminAuthor(post.author),
    body: post.body,
    createdAt: post.createdAt.toISOString(),
    accepted: thread ? isAccepted(post, thread) : false,
    hidden: post.hidden,
    moderation: toModeration(post.moderation)
  }
}
