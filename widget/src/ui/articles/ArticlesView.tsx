import { contentCss } from '../content/contentCss'
import { ArticleList } from './ArticleList'
import { ArticlePage } from './ArticlePage'
import { Sheet } from '../sheet'

export interface ArticlesViewProps {
  /** null: the article list; otherwise one article (state `article {slug}`). */
  slug: string | null
}

/** Artykuły (R11): the list with categories and search, or one article. */
export default function ArticlesView({ slug }: ArticlesViewProps) {
  return (
    <>
      <Sheet css={contentCss} name="content" />
      {slug ? <ArticlePage key={slug} slug={slug} /> : <ArticleList />}
    </>
  )
}
