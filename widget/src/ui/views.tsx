import type { StringKey } from '../i18n'
import type { View } from '../state/panel'
import { Home } from './Home'
import { chunk, Lazy } from './lazy'

// One chunk per area: ./expert (ask + cases + conversation), articles, forum.
const expert = (n: number) => chunk('expert', n, () => import('./expert'))
const loadAsk = (n: number) => expert(n).then((m) => ({ default: m.AskView }))
const loadCases = (n: number) => expert(n).then((m) => ({ default: m.CasesView }))
const loadCase = (n: number) => expert(n).then((m) => ({ default: m.ConversationView }))
const loadArticles = (n: number) => chunk('ArticlesView', n, () => import('./articles/ArticlesView'))
const loadForum = (n: number) => chunk('ForumView', n, () => import('./forum/ForumView'))

export function viewTitle(view: View): StringKey {
  switch (view.name) {
    case 'home':
      return 'pomoc'
    case 'ask':
      return 'askExpert'
    case 'cases':
    case 'case':
      return 'myQuestions'
    case 'articles':
    case 'article':
      return 'articles'
    case 'forum':
    case 'thread':
      return 'forum'
  }
}

export function CurrentView({ view }: { view: View }) {
  switch (view.name) {
    case 'home':
      return <Home />
    case 'ask':
      return <Lazy load={loadAsk} props={{}} />
    case 'cases':
      return <Lazy load={loadCases} props={{ tab: view.tab }} />
    case 'case':
      return <Lazy load={loadCase} props={{ caseId: view.caseId }} />
    case 'articles':
      return <Lazy load={loadArticles} props={{ slug: null }} />
    case 'article':
      return <Lazy load={loadArticles} props={{ slug: view.slug, via: view.via }} />
    case 'forum':
      return <Lazy load={loadForum} props={{ threadId: null, compose: view.compose, title: view.title }} />
    case 'thread':
      return <Lazy load={loadForum} props={{ threadId: view.id, via: view.via }} />
  }
}
