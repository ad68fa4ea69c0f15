import { contentCss } from '../content/contentCss'
import { ArticleList } from './ArticleList'
import { ArticlePage } from './ArticlePage'
import { Sheet } from '../sheet'

export interface ArticlesViewProps {
  /** null: the article list; otherwise one article (state `article {slug}`). */
  slug: string | null
  via?: boolean | undefined
}

/** Artykuły (R11): the list with categories and search, or one article. */
export default function ArticlesView({ slug, via }: ArticlesViewProps) {
  return (
    <>
      <Sheet css={contentCss} name="content" />
      {slug ? <ArticlePage key={slug} slug={slug} via={via} /> : <ArticleList />}
    </>
  )
}
