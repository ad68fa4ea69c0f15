/** One page as the service answers a cursor-paged list; the first page may say how many match. */
export interface ListPage<T> {
  items: T[]
  nextCursor: string | null
  total?: number
}

/** What has been loaded of one list. `key` names the list (tab, filter, search) it belongs to. */
export interface PagedList<T> {
  key: string
  items: T[]
  next: string | null
  total: number | null
}
