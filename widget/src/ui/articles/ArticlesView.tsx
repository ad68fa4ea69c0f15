import { contentCss } from '../content/contentCss'
import { ArticleList } from './ArticleList'
import { ArticlePage } from './ArticlePage'

export interface ArticlesViewProps {
  /** null: the article list; otherwise one article (state `article {slug}`). */
  slug: string | null
}

/** Artykuły (R11): the list with categories and search, or one article. */
export default function ArticlesView({ slug }: ArticlesViewProps) {
  return (
    <>
      <style>{contentCss}</style>
      {slug ? <ArticlePage key={slug} slug={slug} /> : <ArticleList />}
    </>
  )
}
