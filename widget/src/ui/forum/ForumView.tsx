import { useWidget } from '../context'

export interface ForumViewProps {
  /** null: the thread list; otherwise one thread (state `thread {id}`). */
  threadId: string | null
}

// Placeholder until the forum issue fills this chunk (api/content.ts has the client calls).
export default function ForumView(_props: ForumViewProps) {
  const { session } = useWidget()
  return <p class="note" role="status">{session.t('forumSoon')}</p>
}
