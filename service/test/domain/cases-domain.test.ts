import { describe, expect, it } from 'vitest'
import { accountLabel, changeAfterMessage, subjectFrom } from '../../src/domain/case-rules.js'
import { contentDisposition, sanitizeFilename } from '../../src/domain/filename.js'
import { decideAttachmentType } from '../../src/domain/attachment-policy.js'

describe('case rules', () => {
  it('takes the subject from the first non-empty line, shortened', () => {
    expect(subjectFrom('\n\n  Jak   dodać fakturę?  \nszczegóły')).toBe('Jak dodać fakturę?')
    expect(subjectFrom('pytanie', '  Temat  ')).toBe('Temat')
    expect(subjectFrom('pytanie', '   ')).toBe('pytanie')
    const long = subjectFrom('ż'.repeat(300))
    expect(Array.from(long)).toHaveLength(120)
    expect(long.endsWith('…')).toBe(true)
  })

  it('derives the subject from the first sentence, skipping greetings', () => {
    expect(subjectFrom('Dzień dobry, jak dodać fakturę korygującą? Klient zwrócił towar.')).toBe('Jak dodać fakturę korygującą?')
    expect(subjectFrom('Dzień dobry,\n\nNie mogę wysłać JPK. Pojawia się błąd.')).toBe('Nie mogę wysłać JPK.')
    expect(subjectFrom('Witam serdecznie! Gdzie zmienić hasło?')).toBe('Gdzie zmienić hasło?')
    expect(subjectFrom('Cześć Marku, mam pytanie o KSeF')).toBe('Mam pytanie o KSeF')
    expect(subjectFrom('Hello, how do I add a correction?')).toBe('How do I add a correction?')
    expect(subjectFrom('Faktura nr 12.05.2026 nie ma numeru? Proszę o pomoc.')).toBe('Faktura nr 12.05.2026 nie ma numeru?')
    expect(subjectFrom('Dzień dobry')).toBe('Dzień dobry')
    expect(subjectFrom('Dzień dobry,', 'Temat')).toBe('Temat')
  })

  it('labels the account context in both locales', () => {
    expect(accountLabel({ type: 'office', name: 'Biuro' }, 'pl')).toBe('Konto biura')
    expect(accountLabel({ type: 'office', name: 'Biuro' }, 'en')).toBe('Office account')
    expect(accountLabel({ type: 'client', name: 'Bułka' }, 'pl')).toBe('Klient: Bułka')
    expect(accountLabel({ type: 'client', name: 'Bułka' }, 'en')).toBe('Client: Bułka')
  })

  it('applies the status and unread transitions of a new message', () => {
    expect(changeAfterMessage('chief', false)).toMatchObject({ status: 'open', expertUnread: true, chiefUnread: false, touchesActivity: true })
    expect(changeAfterMessage('expert', false)).toMatchObject({
      status: 'answered',
      chiefUnread: true,
      expertUnread: false,
      archived: false,
      touchesActivity: true
    })
    expect(changeAfterMessage('expert', true)).toEqual({ expertUnread: false, touchesActivity: false })
  })
})

describe('file names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Windows\\evil.png', 'evil.png'],
    ['zrzut\u0000\u001f.png', 'zrzut.png'],
    ['gpj.\u202eexe', 'gpj.exe'],
    ['  ..  ', 'plik'],
    ['', 'plik'],
    [undefined, 'plik'],
    ['Z\u0301ło\u0301w.pdf', 'Źłów.pdf']
  ])('sanitises %j to %j', (raw, expected) => {
    expect(sanitizeFilename(raw)).toBe(expected)
  })

  it('caps the length at 200 characters and keeps the extension', () => {
    const name = sanitizeFilename(`${'ą'.repeat(500)}.pdf`)
    expect(Array.from(name)).toHaveLength(200)
    expect(name.endsWith('.pdf')).toBe(true)
  })

  it('encodes Content-Disposition with an ASCII fallback and RFC 5987', () => {
    expect(contentDisposition('Zażółć "gęślą" jaźń;.txt')).toBe(
      `attachment; filename="Zazolc _gesla_ jazn_.txt"; filename*=UTF-8''Za%C5%BC%C3%B3%C5%82%C4%87%20%22g%C4%99%C5%9Bl%C4%85%22%20ja%C5%BA%C5%84%3B.txt`
    )
  })
})

describe('attachment type decision', () => {
  const text = new TextEncoder().encode('a;b\n')
  it('trusts detected allowed types and refuses detected others', () => {
    expect(decideAttachmentType(text, 'exe', { mime: 'application/pdf' })).toBe('application/pdf')
    expect(decideAttachmentType(text, 'png', { mime: 'application/x-elf' })).toBeNull()
  })
  it('names a zip whose Office entries lie beyond the sniffed bytes by its extension, other zips stay zips', () => {
    const zip = { mime: 'application/zip' }
    expect(decideAttachmentType(text, 'xlsx', zip)).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(decideAttachmentType(text, 'docx', zip)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(decideAttachmentType(text, 'ods', zip)).toBe('application/vnd.oasis.opendocument.spreadsheet')
    expect(decideAttachmentType(text, 'zip', zip)).toBe('application/zip')
    expect(decideAttachmentType(text, 'pdf', zip)).toBe('application/zip')
    // Only a zip is renamed: a detected PDF called .xlsx stays a PDF.
    expect(decideAttachmentType(text, 'xlsx', { mime: 'application/pdf' })).toBe('application/pdf')
  })
  it('accepts undetected content only as text with a text extension', () => {
    expect(decideAttachmentType(text, 'csv', undefined)).toBe('text/csv')
    expect(decideAttachmentType(text, 'html', undefined)).toBeNull()
    expect(decideAttachmentType(new Uint8Array([0x61, 0, 0x62]), 'txt', undefined)).toBeNull()
    expect(decideAttachmentType(new Uint8Array([0x61, 0x01, 0x02, 0x62]), 'csv', undefined)).toBeNull()
    // A multi-byte character cut at the end of the sample is still text.
    expect(decideAttachmentType(new Uint8Array([0x61, 0xc5]), 'txt', undefined)).toBe('text/plain')
  })
  it('accepts CSV exported in Windows-1250 (Polish letters as single bytes)', () => {
    // "Zażółć;gęślą\r\n" in Windows-1250: ż=0xBF ó=0xF3 ł=0xB3 ć=0xE6 ę=0xEA ś=0x9C ą=0xB9
    const cp1250 = new Uint8Array([0x5a, 0x61, 0xbf, 0xf3, 0xb3, 0xe6, 0x3b, 0x67, 0xea, 0x9c, 0x6c, 0xb9, 0x0d, 0x0a])
    expect(decideAttachmentType(cp1250, 'csv', undefined)).toBe('text/csv')
  })
})
