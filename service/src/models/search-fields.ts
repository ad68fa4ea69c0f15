/**
 * The normalised search fields stored on articles and forum threads (see search/normalize.ts).
 * `keys` holds every prefix of every content token; it is the indexed array that `$in` and
 * `$all` query. The per-field token lists are read back only for ranking.
 */
export const searchFieldsSchema = {
  title: { type: [String], default: [] },
  tags: { type: [String], default: [] },
  body: { type: [String], default: [] },
  keys: { type: [String], default: [] }
}
