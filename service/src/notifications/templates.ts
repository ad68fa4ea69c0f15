/**
 * Every e-mail the service sends, in one place: Polish first, English as the second locale,
 * each as plain text and HTML. Everything that comes from people (subjects, replies, names,
 * file names) is inserted as text: escaped in HTML, single-line in the subject.
 */
export type Locale = 'pl' | 'en'

export interface Attachment {
  filename: string
}

export interface MailTemplates {
  'sign-in-link': { name: string; url: string; expiresMinutes: number }
  'expert-invitation': { name: string; invitedBy: string; url: string; expiresHours: number }
  'chief-reply': { caseNumber: number; subject: string; expertName: string; body: string; attachments: Attachment[]; caseUrl: string | null }
  'expert-new-case': { caseNumber: number; subject: string; officeName: string; body: string; attachments: Attachment[]; caseUrl: string }
  'expert-chief-reply': { caseNumber: number; subject: string; officeName: string; chiefName: string; body: string; attachments: Attachment[]; caseUrl: string }
  'expert-digest': { date: string; cases: Array<{ number: number; subject: string; officeName: string }>; more: number; queueUrl: string }
}
export type TemplateName = keyof MailTemplates

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)

/** A subject is one header line: no line breaks (header injection), no runaway length. */
export const subjectLine = (value: string): string => {
  const line = value
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return Array.from(line).length > 200 ? `${Array.from(line).slice(0, 199).join('')}…` : line
}

/** Template building blocks; each knows its plain-text and HTML form, so the two never drift. */
type Block = { text: string; html: string }
const para = (text: string): Block => ({ text, html: `<p>${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>` })
const quote = (text: string): Block => ({
  text: text
    .split(/\r?\n/)
    .map((l) => `> ${l}`)
    .join('\n'),
  html: `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #1d4ed8;background:#f3f4f6">${escapeHtml(text).replace(/\r?\n/g, '<br>')}</blockquote>`
})
const link = (label: string, url: string): Block => ({ text: `${label}: ${url}`, html: `<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>` })
const list = (title: string, items: string[]): Block => ({
  text: `${title}\n${items.map((i) => `- ${i}`).join('\n')}`,
  html: `<p>${escapeHtml(title)}</p><ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
})

const T = {
  pl: {
    hello: (name: string) => `Dzień dobry${name ? `, ${name}` : ''},`,
    signInSubject: 'Link do logowania w konsoli ekspertów',
    signInBody: (minutes: number) =>
      `Aby zalogować się w konsoli ekspertów Zapytaj Eksperta, użyj poniższego linku. Jest jednorazowy i ważny przez ${minutes} min. Jeśli to nie Ty prosisz o logowanie, zignoruj tę wiadomość.`,
    signIn: 'Zaloguj się',
    inviteSubject: 'Zaproszenie do konsoli ekspertów Zapytaj Eksperta',
    inviteBody: (by: string, hours: number) =>
      `${by} zaprasza Cię do zespołu ekspertów Zapytaj Eksperta. Link poniżej loguje Cię do konsoli; jest jednorazowy i ważny przez ${hours} godz. Później zalogujesz się, podając swój adres e-mail na stronie konsoli.`,
    replySubject: (n: number, s: string) => `Odpowiedź eksperta w sprawie #${n}: ${s}`,
    replyIntro: (expert: string, n: number) => `${expert} odpowiedział(a) w Twojej sprawie #${n}:`,
    attachmentsNamed: 'Załączniki (do pobrania w sprawie):',
    openCase: 'Otwórz sprawę',
    openInApp: 'Sprawę znajdziesz w aplikacji w START » WIADOMOŚCI.',
    newCaseSubject: (n: number, s: string) => `Nowa sprawa #${n}: ${s}`,
    newCaseIntro: (office: string) => `Nowe pytanie od biura ${office}:`,
    chiefReplySubject: (n: number, s: string) => `Klient odpowiedział w sprawie #${n}: ${s}`,
    chiefReplyIntro: (chief: string, office: string) => `${chief} (${office}) napisał(a) w przypisanej do Ciebie sprawie:`,
    openConsole: 'Otwórz w konsoli',
    digestSubject: (date: string, count: number) => `Nowe sprawy z ${date}: ${count}`,
    digestIntro: (date: string) => `Sprawy utworzone ${date}:`,
    digestMore: (n: number) => `…i ${n} więcej.`,
    openQueue: 'Otwórz kolejkę',
    unsubscribe: 'Nie chcesz dostawać takich wiadomości? Wypisz się'
  },
  en: {
    hello: (name: string) => `Hello${name ? ` ${name}` : ''},`,
    signInSubject: 'Your sign-in link for the expert console',
    signInBody: (minutes: number) =>
      `Use the link below to sign in to the Zapytaj Eksperta expert console. It works once and for ${minutes} minutes. If you did not ask to sign in, ignore this message.`,
    signIn: 'Sign in',
    inviteSubject: 'Invitation to the Zapytaj Eksperta expert console',
    inviteBody: (by: string, hours: number) =>
      `${by} invites you to the Zapytaj Eksperta expert team. The link below signs you in to the console; it works once and for ${hours} hours. Later, sign in by entering your e-mail address on the console page.`,
    replySubject: (n: number, s: string) => `Expert reply in case #${n}: ${s}`,
    replyIntro: (expert: string, n: number) => `${expert} replied in your case #${n}:`,
    attachmentsNamed: 'Attachments (download them in the case):',
    openCase: 'Open the case',
    openInApp: 'You will find the case in the app under START » WIADOMOŚCI.',
    newCaseSubject: (n: number, s: string) => `New case #${n}: ${s}`,
    newCaseIntro: (office: string) => `A new question from ${office}:`,
    chiefReplySubject: (n: number, s: string) => `Customer replied in case #${n}: ${s}`,
    chiefReplyIntro: (chief: string, office: string) => `${chief} (${office}) wrote in a case assigned to you:`,
    openConsole: 'Open in the console',
    digestSubject: (date: string, count: number) => `New cases of ${date}: ${count}`,
    digestIntro: (date: string) => `Cases created on ${date}:`,
    digestMore: (n: number) => `…and ${n} more.`,
    openQueue: 'Open the queue',
    unsubscribe: 'Do not want these e-mails? Unsubscribe'
  }
} satisfies Record<Locale, unknown>

const attachmentBlock = (t: (typeof T)[Locale], attachments: Attachment[]): Block[] =>
  attachments.length === 0
    ? []
    : [
        list(
          t.attachmentsNamed,
          attachments.map((a) => a.filename)
        )
      ]

function blocksFor<N extends TemplateName>(name: N, locale: Locale, data: MailTemplates[N]): { subject: string; blocks: Block[] } {
  const t = T[locale]
  switch (name) {
    case 'sign-in-link': {
      const d = data as MailTemplates['sign-in-link']
      return { subject: t.signInSubject, blocks: [para(t.hello(d.name)), para(t.signInBody(d.expiresMinutes)), link(t.signIn, d.url)] }
    }
    case 'expert-invitation': {
      const d = data as MailTemplates['expert-invitation']
      return { subject: t.inviteSubject, blocks: [para(t.hello(d.name)), para(t.inviteBody(d.invitedBy, d.expiresHours)), link(t.signIn, d.url)] }
    }
    case 'chief-reply': {
      const d = data as MailTemplates['chief-reply']
      return {
        subject: t.replySubject(d.caseNumber, d.subject),
        blocks: [
          para(t.replyIntro(d.expertName, d.caseNumber)),
          quote(d.body),
          ...attachmentBlock(t, d.attachments),
          d.caseUrl ? link(t.openCase, d.caseUrl) : para(t.openInApp)
        ]
      }
    }
    case 'expert-new-case': {
      const d = data as MailTemplates['expert-new-case']
      return {
        subject: t.newCaseSubject(d.caseNumber, d.subject),
        blocks: [para(t.newCaseIntro(d.officeName)), quote(d.body), ...attachmentBlock(t, d.attachments), link(t.openConsole, d.caseUrl)]
      }
    }
    case 'expert-chief-reply': {
      const d = data as MailTemplates['expert-chief-reply']
      return {
        subject: t.chiefReplySubject(d.caseNumber, d.subject),
        blocks: [para(t.chiefReplyIntro(d.chiefName, d.officeName)), quote(d.body), ...attachmentBlock(t, d.attachments), link(t.openConsole, d.caseUrl)]
      }
    }
    case 'expert-digest': {
      const d = data as MailTemplates['expert-digest']
      const items = d.cases.map((c) => `#${c.number} ${c.subject} (${c.officeName})`)
      return {
        subject: t.digestSubject(d.date, d.cases.length + d.more),
        blocks: [list(t.digestIntro(d.date), items), ...(d.more > 0 ? [para(t.digestMore(d.more))] : []), link(t.openQueue, d.queueUrl)]
      }
    }
  }
  throw new Error(`unknown mail template ${String(name)}`)
}

/** Renders one e-mail; `unsubscribeUrl` adds the footer link (transactional mail such as sign-in links has none). */
export function renderMail<N extends TemplateName>(name: N, locale: Locale, data: MailTemplates[N], unsubscribeUrl: string | null = null): RenderedMail {
  const { subject, blocks } = blocksFor(name, locale, data)
  const footer = unsubscribeUrl ? [link(T[locale].unsubscribe, unsubscribeUrl)] : []
  const text = [...blocks, ...footer].map((b) => b.text).join('\n\n') + '\n'
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subjectLine(subject))}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;color:#111827;max-width:640px">${blocks.map((b) => b.html).join('')}` +
    (footer.length ? `<hr><small>${footer.map((b) => b.html).join('')}</small>` : '') +
    '</body></html>'
  return { subject: subjectLine(subject), text, html }
}

export const isTemplateName = (name: string): name is TemplateName =>
  ['sign-in-link', 'expert-invitation', 'chief-reply', 'expert-new-case', 'expert-chief-reply', 'expert-digest'].includes(name)
