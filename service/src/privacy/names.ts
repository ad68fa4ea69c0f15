/** A file name safe inside a zip on any system: no path separators, control characters or leading dots. */
export const safeFilename = (name: string): string =>
  name
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_')
    .replace(/^\.+/, '_')
    .slice(0, 120) || 'file'

/** The name and id that replace an erased person everywhere their name or id was stored. */
export const ERASED_NAME = 'Usunięty użytkownik'
