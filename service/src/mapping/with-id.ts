/** The one place where stored `_id` becomes the public `id`. */
export function withId<T extends { _id: unknown }>(doc: T): Omit<T, '_id'> & { id: string } {
  const { _id, ...rest } = doc
  return { ...rest, id: String(_id) }
}
