import type { Locale } from '../../i18n'

/** Names of the audited actions an admin looks for most; anything else is shown by its code. */
export const ACTION_LABELS: Record<string, Record<Locale, string>> = {
  'case.viewed': { pl: 'Otwarcie sprawy', en: 'Opened a case' },
  'attachment.downloaded': { pl: 'Pobranie załącznika', en: 'Downloaded an attachment' },
  'case.updated': { pl: 'Zmiana statusu lub przypisania', en: 'Changed status or assignee' },
  'case.created': { pl: 'Nowa sprawa', en: 'New case' },
  'message.created': { pl: 'Wiadomość w sprawie', en: 'Message in a case' },
  'note.created': { pl: 'Notatka wewnętrzna', en: 'Internal note' },
  'article.created': { pl: 'Nowy artykuł', en: 'Created an article' },
  'article.updated': { pl: 'Edycja artykułu', en: 'Edited an article' },
  'article.published': { pl: 'Publikacja artykułu', en: 'Published an article' },
  'article.unpublished': { pl: 'Wycofanie artykułu', en: 'Unpublished an article' },
  'article.deleted': { pl: 'Usunięcie artykułu', en: 'Deleted an article' },
  'post.hide': { pl: 'Ukrycie wpisu na forum', en: 'Hid a forum post' },
  'post.unhide': { pl: 'Przywrócenie wpisu na forum', en: 'Showed a forum post again' },
  'thread.hide': { pl: 'Ukrycie wątku', en: 'Hid a thread' },
  'thread.unhide': { pl: 'Przywrócenie wątku', en: 'Showed a thread again' },
  'post.reported': { pl: 'Zgłoszenie wpisu na forum', en: 'Reported a forum post' },
  'thread.reported': { pl: 'Zgłoszenie wątku', en: 'Reported a thread' },
  'thread.reports-dismissed': { pl: 'Odrzucenie zgłoszeń', en: 'Dismissed reports' },
  'session.started': { pl: 'Logowanie', en: 'Signed in' },
  'session.ended': { pl: 'Wylogowanie', en: 'Signed out' },
  'expert.invited': { pl: 'Zaproszenie eksperta', en: 'Invited an expert' },
  'expert.admin-granted': { pl: 'Nadanie uprawnień administratora', en: 'Granted admin rights' },
  'expert.admin-removed': { pl: 'Odebranie uprawnień administratora', en: 'Removed admin rights' },
  'expert.deactivated': { pl: 'Dezaktywacja eksperta', en: 'Deactivated an expert' },
  'expert.reactivated': { pl: 'Ponowna aktywacja eksperta', en: 'Reactivated an expert' },
  'key.created': { pl: 'Utworzenie klucza API', en: 'Created an API key' },
  'key.revoked': { pl: 'Unieważnienie klucza API', en: 'Revoked an API key' },
  'key.rejected': { pl: 'Odrzucony klucz API', en: 'Rejected API key' }
}

export const actionLabel = (action: string, l: Locale): string => ACTION_LABELS[action]?.[l] ?? action
