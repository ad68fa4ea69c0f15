import { Types } from 'mongoose'

/** The one place where stored `_id` becomes the public `id`. */
export function withId<T extends { _id: unknown }>(doc: T): Omit<T, '_id'> & { id: string } {
  const { _id, ...rest } = doc
  return { ...rest, id: String(_id) }
}

/** Parses a public id; anything that is not a 24-hex ObjectId yields null (callers answer 404). */
export function toObjectId(id: string): Types.ObjectId | null {
  return /^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : null
}
