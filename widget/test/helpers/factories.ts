import type { Article, ArticleSummary, CaseSummary, Me, Message, Post, Thread, ThreadWithPosts } from '../../src/api/types'

export function jwt(payload: Record<string, unknown>): string {
  const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}.sig`
}

export const freshToken = (sub = 'u-1') => jwt({ sub, exp: Math.floor(Date.now() / 1000) + 3600 })

type MeOverrides = Partial<Omit<Me, 'capabilities' | 'limits' | 'user'>> & {
  capabilities?: Partial<Me['capabilities']>
  limits?: Partial<Me['limits']>
  user?: Partial<Me['user']>
}

export function makeMe(o: MeOverrides = {}): Me {
  const { capabilities, limits, user, ...rest } = o
  return {
    user: { id: 'u-1', name: 'Anna Kowalska', email: 'anna@biuro.pl', role: 'office_chief', locale: 'pl', ...user },
    office: { id: 'office-a', name: 'Biuro Rachunkowe Kowalska' },
    account: { type: 'office', id: 'office-a', name: 'Biuro Rachunkowe Kowalska' },
    package: { active: true, name: 'Biznes' },
    capabilities: { canAskExpert: true, askExpertDeniedReason: null, entryPoints: ['sidebar', 'avatar', 'messages'], ...capabilities },
    unreadCount: 0,
    scopeNotice: { pl: 'Pomoc ekspertów dotyczy wyłącznie wskazówek technicznych.', en: 'Technical guidance only.' },
    limits: {
      maxFiles: 3,
      maxFileBytes: 1000,
      maxBodyChars: 10000,
      allowedTypes: ['image/png', 'image/jpeg', 'application/pdf'],
      allowedExtensions: ['png', 'jpg', 'pdf'],
      ...limits
    },
    ...rest
  }
}

export const employee = () =>
  makeMe({
    user: { role: 'employee' },
    capabilities: { canAskExpert: false, askExpertDeniedReason: 'ONLY_OFFICE_CHIEF', entryPoints: [] }
  })

export const inactiveChief = () => makeMe({ package: { active: false, name: null }, capabilities: { entryPoints: ['messages'] } })

let seq = 0
export function makeCase(o: Partial<CaseSummary> = {}): CaseSummary {
  seq++
  const id = o.id ?? seq.toString(16).padStart(24, '0')
  return {
    id,
    number: seq,
    subject: `Pytanie ${seq}`,
    status: 'open',
    account: { type: 'office', id: 'office-a', name: 'Biuro' },
    accountLabel: 'Konto biura',
    entryPoint: 'sidebar',
    aboutSystemUsage: false,
    unread: false,
    archived: false,
    messageCount: 1,
    createdAt: '2025-01-02T10:00:00.000Z',
    createdBy: { id: 'u-1', name: 'Anna Kowalska' },
    lastActivityAt: '2025-01-03T10:00:00.000Z',
    lastActivityBy: 'chief',
    lastAuthorName: 'Anna Kowalska',
    lastPreview: `Treść pytania ${seq}`,
    rating: null,
    ...o
  }
}

export function makeMessage(o: Partial<Message> = {}): Message {
  seq++
  return {
    id: `m${seq}`.padStart(24, '0'),
    caseId: 'c1',
    author: { kind: 'chief', id: 'u-1', name: 'Anna Kowalska' },
    body: `Wiadomość ${seq}`,
    attachments: [],
    createdAt: '2025-01-02T10:00:00.000Z',
    ...o
  }
}

// The first bytes the widget (like the service) recognises a type by; other types get zeros.
const MAGIC: Record<string, number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff, 0xe0],
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'application/x-msdownload': [0x4d, 0x5a]
}
export function file(name: string, size: number, type: string, head = MAGIC[type] ?? []): File {
  const bytes = new Uint8Array(size)
  bytes.set(head.slice(0, size))
  return new File([bytes], name, { type })
}

export function makeArticleSummary(o: Partial<ArticleSummary> = {}): ArticleSummary {
  seq++
  return {
    slug: `artykul-${seq}`,
    title: `Artykuł ${seq}`,
    category: 'faktury',
    categoryName: 'Faktury',
    excerpt: `Wstęp artykułu ${seq}`,
    updatedAt: '2025-03-04T10:15:00.000Z',
    ...o
  }
}

export function makeArticle(o: Partial<Article> = {}): Article {
  seq++
  return {
    slug: `artykul-${seq}`,
    title: `Artykuł ${seq}`,
    category: 'faktury',
    categoryName: 'Faktury',
    tags: [],
    html: `<p>Treść artykułu ${seq}</p>`,
    updatedAt: '2025-03-04T10:15:00.000Z',
    yourFeedback: null,
    ...o
  }
}

export function makeThread(o: Partial<Thread> = {}): Thread {
  seq++
  return {
    id: seq.toString(16).padStart(24, 'f'),
    title: `Wątek ${seq}`,
    excerpt: `Początek wątku ${seq}`,
    author: { name: 'Marek Wiśniewski', role: 'employee', expert: false },
    replyCount: 0,
    solved: false,
    acceptedPostId: null,
    lastActivityAt: '2025-03-04T10:15:00.000Z',
    createdAt: '2025-03-03T08:00:00.000Z',
    ...o
  }
}

export function makePost(o: Partial<Post> = {}): Post {
  seq++
  return {
    id: seq.toString(16).padStart(24, 'e'),
    author: { name: 'Ewa Nowak', role: 'client', expert: false },
    body: `Odpowiedź ${seq}`,
    createdAt: '2025-03-03T09:30:00.000Z',
    accepted: false,
    ...o
  }
}

export function makeThreadWithPosts(thread: Partial<ThreadWithPosts['thread']> = {}, posts: Post[] = []): ThreadWithPosts {
  const accepted = posts.find((p) => p.accepted)
  return {
    thread: {
      ...makeThread({ replyCount: posts.length, solved: !!accepted, acceptedPostId: accepted?.id ?? null }),
      body: 'Pełna treść pytania',
      canAccept: false,
      ...thread
    },
    posts
  }
}
