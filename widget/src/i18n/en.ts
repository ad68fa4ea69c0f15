import type { Strings } from './pl'

export const en: Strings = {
  pomoc: 'Help',
  searchHelp: 'Search for answers',
  close: 'Close',
  back: 'Back',
  loading: 'Loading…',
  retry: 'Try again',
  genericError: 'Something went wrong.',
  viewLoadError: 'Could not load this view.',
  unreadBadge: 'Unread replies: {n}',
  articles: 'Articles',
  articlesHint: 'How to use the system',
  forum: 'Forum',
  forumHint: 'Questions and answers from other users',
  askExpert: 'Ask an Expert',
  askExpertHint: 'Ask our experts how to use the system',
  myQuestions: 'My questions',
  myQuestionsHint: 'Your questions to the experts',
  onlyChief: 'Only the office chief can send a question to the experts — ask them to, or ask on the forum.',
  inactivePackage: 'Your package is inactive. Questions about using the system can be asked via START » MESSAGES » CREATE CASE.',
  goToMessages: 'Go to START » MESSAGES',
  meError: 'Could not load your account details.',
  sending: 'Sending…',
  expert: 'Expert'
}
