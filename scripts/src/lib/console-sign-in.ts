// The demo signs its expert into the console the way an expert would: ask the service for a
// sign-in link (POST /admin/v1/session/link) and read the real mail from Mailpit's API.

interface MailpitSummary {
  ID: string
  Created: string
}

async function mailpit<T>(mailUrl: string, path: string): Promise<T> {
  const res = await fetch(`${mailUrl}/api/v1${path}`)
  if (!res.ok) throw new Error(`Mailpit ${path} answered ${res.status}`)
  return (await res.json()) as T
}

/** Requests a link for `email` and returns it from the newest mail sent after the request. */
export async function mailedSignInLink(serviceUrl: string, mailUrl: string, email: string, timeoutMs = 30_000): Promise<string> {
  const since = Date.now() - 1000
  const res = await fetch(`${serviceUrl}/admin/v1/session/link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email })
  })
  if (res.status !== 202) throw new Error(`POST /admin/v1/session/link answered ${res.status}`)
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const { messages } = await mailpit<{ messages: MailpitSummary[] }>(mailUrl, `/search?query=${encodeURIComponent(`to:"${email}"`)}&limit=5`)
    for (const m of messages.filter((m) => Date.parse(m.Created) >= since)) {
      const { Text } = await mailpit<{ Text: string }>(mailUrl, `/message/${m.ID}`)
      const link = /https?:\/\/\S+\/admin\/v1\/session\/link\/[A-Za-z0-9_-]+/.exec(Text)?.[0]
      if (link) return link
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`no sign-in link reached ${email} within ${timeoutMs} ms`)
}
