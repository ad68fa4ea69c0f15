import type { AdminCase, AdminMessage, ExpertProfile } from '@ze/contract'

let seq = 0
const hex = (n: number) => n.toString(16).padStart(24, '0')

export const me: ExpertProfile = { id: hex(0xe1), name: 'Ja Ekspert', email: 'ja@example.com', admin: false, locale: 'pl' }
export const colleague = { id: hex(0xe2), name: 'Tomasz Ekspert' }

export function adminCase(over: Partial<AdminCase> = {}): AdminCase {
  const n = ++seq
  return {
    id: hex(n),
    number: n,
    subject: `Sprawa ${n}`,
    status: 'open',
    appId: 'app-1',
    office: { id: 'office-a', name: 'Biuro Rachunkowe Kowalska' },
    account: { type: 'office', id: 'office-a', name: 'Biuro Rachunkowe Kowalska' },
    entryPoint: 'sidebar',
    aboutSystemUsage: false,
    package: { active: true, name: 'Biznes' },
    context: { pageUrl: 'https://app.example/faktury', userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/126.0 Safari/537.36' },
    chiefEmail: 'anna@biuro.example',
    assignee: null,
    createdAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
    createdBy: { id: 'chief-a', name: 'Anna Kowalska' },
    lastActivityAt: new Date(Date.now() - 3 * 3600_000 - 60_000).toISOString(),
    lastActivityBy: 'chief',
    firstResponseAt: null,
    chiefUnread: false,
    archived: false,
    expertUnread: true,
    messageCount: 1,
    internalNoteCount: 0,
    rating: null,
    ...over
  }
}

export function message(c: AdminCase, over: Partial<AdminMessage> = {}): AdminMessage {
  return {
    id: hex(0x1000 + ++seq),
    caseId: c.id,
    author: { kind: 'chief', id: 'chief-a', name: 'Anna Kowalska' },
    body: 'Jak dodać fakturę korygującą?',
    attachments: [],
    createdAt: new Date().toISOString(),
    internal: false,
    ...over
  }
}

export const counts = { unassigned: 2, mine: 1, open: 3, waiting: 4, resolved: 5 }
