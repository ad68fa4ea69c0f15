import { Types } from 'mongoose'

/** Parses a public id; anything that is not a 24-hex ObjectId yields null (callers answer 404). */
export function toObjectId(id: string): Types.ObjectId | null {
  return /^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : null
}
