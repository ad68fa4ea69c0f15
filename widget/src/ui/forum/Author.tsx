import type { ForumAuthor } from '../../api/types'
import { useContentT } from '../content/i18n'

/** Display name with the role badge; experts get the distinct expert badge. */
export function Author({ author }: { author: ForumAuthor }) {
  const t = useContentT()
  const role = author.expert ? 'expert' : author.role
  return (
    <span class="author">
      <span class="name">{author.name}</span>
      <span class={author.expert ? 'tag exp' : 'tag'}>{t(`role_${role}`)}</span>
    </span>
  )
}
