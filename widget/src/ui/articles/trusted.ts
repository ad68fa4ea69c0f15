// Hosts that enforce Trusted Types (`require-trusted-types-for 'script'`) refuse a plain string
// in innerHTML. The article HTML is already sanitised by the service (allow-list on write), so
// one named policy passes exactly that through. Hosts that also list allowed policy names
// (`trusted-types …`) add `ze-article` (docs/embedding.md).
type Policy = { createHTML(s: string): unknown }
type TrustedTypesApi = { createPolicy(name: string, rules: { createHTML(s: string): string }): Policy }

let policy: Policy | null | undefined

/** The sanitised article HTML as the page's innerHTML accepts it; null when the host forbids our policy. */
export function articleHtml(html: string): unknown {
  const tt = (globalThis as { trustedTypes?: TrustedTypesApi }).trustedTypes
  if (!tt) return html
  if (policy === undefined) {
    try {
      policy = tt.createPolicy('ze-article', { createHTML: (s) => s })
    } catch {
      policy = null
    }
  }
  return policy ? policy.createHTML(html) : null
}
