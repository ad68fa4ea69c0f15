/** The widget never throws into the host page; it reports here instead. */
export function warn(...args: unknown[]): void {
  try {
    console.warn('[SupportWidget]', ...args)
  } catch {
    /* console may be missing */
  }
}
