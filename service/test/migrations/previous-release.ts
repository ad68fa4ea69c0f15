import { createHash, randomBytes } from 'node:crypto'
import { Types, type mongo } from 'mongoose'

/**
 * Documents exactly as the release of 2026-11-28 (commit 576bf27, before notifications and
 * ratings) wrote them: the fields it set, nothing the later code added. Written with the bare
 * driver, so no mongoose default fills anything in.
 */
export function oldCase(appId: string, office: { id: string; name: string }, number: number, at = new Date()) {
  return {
    _id: new Types.ObjectId(),
    appId,
    officeId: office.id,
    officeName: office.name,
    number,
    subject: `Pytanie ${number}`,
    status: 'open',
    account: { type: 'office', id: office.id, name: office.name },
    createdBy: { id: 'chief-a', name: 'Anna Szef' },
    entryPoint: 'sidebar',
    aboutSystemUsage: false,
    packageActive: true,
    packageName: 'Biznes',
    context: { pageUrl: null, userAgent: null },
    assigneeId: null,
    lastActivityAt: at,
    lastActivityBy: 'chief',
    firstResponseAt: null,
    chiefUnread: false,
    archived: false,
    expertUnread: true,
    messageCount: 1,
    internalNoteCount: 0,
    createdAt: at,
    updatedAt: at
  }
}

export function oldMessage(c: ReturnType<typeof oldCase>, body: string) {
  return {
    _id: new Types.ObjectId(),
    caseId: c._id,
    appId: c.appId,
    officeId: c.officeId,
    author: { kind: 'chief', id: 'chief-a', name: 'Anna Szef' },
    body,
    internal: false,
    attachments: [],
    createdAt: c.createdAt
  }
}

/** An expert as `npm run expert -- create` stored it then: no `notifyNewCases`. */
export function oldExpert(email: string) {
  const key = `zek_${randomBytes(32).toString('base64url')}`
  return {
    doc: {
      _id: new Types.ObjectId(),
      name: 'Stary Ekspert',
      email,
      admin: false,
      keyHash: createHash('sha256').update(key).digest('hex'),
      keyPrefix: key.slice(0, 10),
      revokedAt: null,
      createdAt: new Date(),
      updatedAt: new Date()
    },
    key
  }
}

export async function insertOldCases(db: mongo.Db, appId: string, office: { id: string; name: string }, count: number, firstNumber = 1): Promise<void> {
  for (let k = 0; k < count; k += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - k) }, (_, j) =>
      oldCase(appId, office, firstNumber + k + j, new Date(Date.now() - (count - k - j) * 1000))
    )
    await db.collection('cases').insertMany(batch)
  }
}
