import { useWidget } from '../context'

export interface ArticlesViewProps {
  /** null: the article list; otherwise one article (state `article {slug}`). */
  slug: string | null
}

// Placeholder until the articles issue fills this chunk (api/content.ts has the client calls).
export default function ArticlesView(_props: ArticlesViewProps) {
  const { session } = useWidget()
  return <p class="note" role="status">{session.t('articlesSoon')}</p>
}
