import type {
  AdminCase,
  AdminCaseDetail,
  AdminCasePatch,
  AdminCaseWithMessage,
  AdminExpertList,
  AdminOfficeList,
  AdminQueueCounts,
  AdminQueueQuery,
  AdminQueueResponse,
  ApiKeyInfo,
  ArticleLinkList,
  AuditPage,
  AuditQuery,
  CreatedApiKey,
  ExpertPreferences,
  ExpertPreferencesPatch,
  ExpertProfile,
  SavedReply,
  SavedReplyCreateInput,
  SavedReplyList,
  SavedReplyPatchInput,
  TeamInvitation,
  TeamList,
  TeamMember,
  TeamMemberPatch,
  StatsQuery,
  StatsReport,
  StatsSettings
} from '@ze/contract'
import { ADMIN, call, withQuery } from './client'

export type PresenceState = 'viewing' | 'typing' | 'left'

/** Every call the console makes; all of them are plain /admin/v1 endpoints a script can use too. */
export const admin = {
  me: (signal?: AbortSignal) => call<ExpertProfile>('GET', '/me', undefined, signal),
  requestLink: (email: string) => call<void>('POST', '/session/link', { email }),
  signOut: () => call<void>('DELETE', '/session'),
  queue: (query: AdminQueueQuery, signal?: AbortSignal) =>
    call<AdminQueueResponse>('GET', withQuery('/cases', query as Record<string, string>), undefined, signal),
  counts: (officeId?: string, signal?: AbortSignal) => call<AdminQueueCounts>('GET', withQuery('/cases/counts', { officeId }), undefined, signal),
  offices: () => call<AdminOfficeList>('GET', '/offices'),
  experts: () => call<AdminExpertList>('GET', '/experts'),
  stats: (query: StatsQuery, signal?: AbortSignal) => call<StatsReport>('GET', withQuery('/stats', query as Record<string, string>), undefined, signal),
  setStatsTarget: (settings: StatsSettings) => call<StatsSettings>('PUT', '/stats/settings', settings),
  detail: (id: string, signal?: AbortSignal) => call<AdminCaseDetail>('GET', `/cases/${encodeURIComponent(id)}`, undefined, signal),
  patch: (id: string, patch: AdminCasePatch) => call<{ case: AdminCase }>('PATCH', `/cases/${encodeURIComponent(id)}`, patch),
  presence: (id: string, state: PresenceState) => call<void>('POST', `/cases/${encodeURIComponent(id)}/presence`, { state }),
  preferences: () => call<ExpertPreferences>('GET', '/me/preferences'),
  setPreferences: (patch: ExpertPreferencesPatch) => call<ExpertPreferences>('PATCH', '/me/preferences', patch),
  team: () => call<TeamList>('GET', '/team'),
  invite: (invitation: TeamInvitation) => call<TeamMember>('POST', '/team', invitation),
  reinvite: (id: string) => call<void>('POST', `/team/${encodeURIComponent(id)}/invitation`),
  updateMember: (id: string, patch: TeamMemberPatch) => call<TeamMember>('PATCH', `/team/${encodeURIComponent(id)}`, patch),
  createKey: (id: string, note: string) => call<CreatedApiKey>('POST', `/team/${encodeURIComponent(id)}/keys`, { note }),
  revokeKey: (id: string, keyId: string) => call<ApiKeyInfo>('DELETE', `/team/${encodeURIComponent(id)}/keys/${encodeURIComponent(keyId)}`),
  audit: (query: AuditQuery, signal?: AbortSignal) => call<AuditPage>('GET', withQuery('/audit', query as Record<string, string | number>), undefined, signal),
  reply(id: string, body: string, internal: boolean, files: File[]) {
    const form = new FormData()
    form.set('body', body)
    if (internal) form.set('internal', 'true')
    for (const f of files) form.append('files', f, f.name)
    return call<AdminCaseWithMessage>('POST', `/cases/${encodeURIComponent(id)}/messages`, form)
  },
  savedReplies: (signal?: AbortSignal) => call<SavedReplyList>('GET', '/saved-replies', undefined, signal),
  createSavedReply: (input: SavedReplyCreateInput) => call<SavedReply>('POST', '/saved-replies', input),
  updateSavedReply: (id: string, patch: SavedReplyPatchInput) => call<SavedReply>('PATCH', `/saved-replies/${encodeURIComponent(id)}`, patch),
  deleteSavedReply: (id: string) => call<void>('DELETE', `/saved-replies/${encodeURIComponent(id)}`),
  articleLinks: (appId: string, q: string, signal?: AbortSignal) => call<ArticleLinkList>('GET', withQuery('/article-links', { appId, q }), undefined, signal)
}

export const attachmentUrl = (id: string) => `${ADMIN}/attachments/${encodeURIComponent(id)}`
export const eventsUrl = `${ADMIN}/events`
