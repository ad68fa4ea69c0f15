// The widget never verifies the token (the service does); it only reads `exp` so it can ask
// the host for a fresh one shortly before the old one stops working.
export function tokenExpiry(token: string): number | null {
  const part = token.split('.')[1]
  if (!part) return null
  try {
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '=')
    )
    const exp = (JSON.parse(json) as { exp?: unknown }).exp
    return typeof exp === 'number' ? exp * 1000 : null
  } catch {
    return null
  }
}

export type GetToken = () => string | Promise<string>

const EARLY_MS = 30_000

export class TokenSource {
  private current: string | null
  private pending: Promise<string> | null = null

  constructor(
    token: string | undefined,
    private readonly getToken: GetToken | undefined
  ) {
    this.current = token ?? null
  }

  get canRefresh(): boolean {
    return !!this.getToken
  }

  async get(now = Date.now()): Promise<string> {
    const t = this.current
    if (t !== null) {
      const exp = tokenExpiry(t)
      if (exp === null || exp - EARLY_MS > now || !this.getToken) return t
    }
    return this.refresh()
  }

  /** Concurrent callers share one getToken() call. */
  refresh(): Promise<string> {
    if (!this.getToken) return Promise.resolve(this.current ?? '')
    if (!this.pending) {
      const fetchToken = this.getToken
      this.pending = Promise.resolve()
        .then(() => fetchToken())
        .then((t) => {
          this.current = t
          return t
        })
        .finally(() => {
          this.pending = null
        })
    }
    return this.pending
  }
}
