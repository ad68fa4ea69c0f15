import type { ApiClient } from '../../api/client'

/**
 * Attachments need the bearer header, so a plain link cannot fetch them: download with
 * fetch and hand the bytes to the browser through a short-lived object URL.
 */
export async function downloadAttachment(api: ApiClient, id: string, filename: string, within: Node): Promise<void> {
  const blob = await api.blob(`/api/v1/attachments/${encodeURIComponent(id)}`)
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.hidden = true
  const parent = within.getRootNode() instanceof ShadowRoot ? (within.getRootNode() as ShadowRoot) : document.body
  parent.appendChild(a)
  a.click()
  a.remove()
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}
