import { contentCss } from '../content/contentCss'
import { NewThread } from './NewThread'
import { ThreadList } from './ThreadList'
import { ThreadPage } from './ThreadPage'
import { Sheet } from '../sheet'

export interface ForumViewProps {
  /** null: the thread list (or, with `compose`, the new-thread form); otherwise one thread. */
  threadId: string | null
  compose?: boolean
  /** The new thread's title carried over from a search with no answer. */
  title?: string | undefined
  via?: boolean | undefined
}

/** Forum (R12): every signed-in user of the host app may read, ask and answer. */
export default function ForumView({ threadId, compose, title, via }: ForumViewProps) {
  return (
    <>
      <Sheet css={contentCss} name="content" />
      {threadId ? <ThreadPage key={threadId} id={threadId} via={via} /> : compose ? <NewThread title={title} /> : <ThreadList />}
    </>
  )
}
