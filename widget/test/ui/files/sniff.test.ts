import { expect, test } from 'vitest'
import { explainProblem } from '../../../src/ui/files/problemMessage'
import { sniffType } from '../../../src/ui/files/sniff'
import { ApiError, problemToError } from '../../../src/api/errors'
import { makeTranslator } from '../../../src/i18n'
import { expertPl, type ExpertKey } from '../../../src/i18n/expert'

const allowed = ['image/png', 'image/jpeg', 'application/pdf', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']
const bytes = (...b: number[]) => new Uint8Array(b)
const t = makeTranslator<ExpertKey>(expertPl, {}, expertPl)

test('types are decided by the first bytes, like the service: a renamed .exe is refused', () => {
  expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'x.png', allowed)).toBe('image/png')
  expect(sniffType(bytes(0x25, 0x50, 0x44, 0x46, 0x2d), 'faktura.pdf', allowed)).toBe('application/pdf')
  expect(sniffType(bytes(0x4d, 0x5a, 0x90, 0x00), 'faktura.pdf', allowed)).toBeNull()
  expect(sniffType(bytes(0x50, 0x4b, 0x03, 0x04), 'zestawienie.xlsx', allowed)).toBe(allowed[4])
  expect(sniffType(new TextEncoder().encode('NIP;Kwota\n123;45,60\n'), 'wyciag.csv', allowed)).toBe('text/csv')
  expect(sniffType(bytes(0x41, 0x00, 0x42), 'wyciag.csv', allowed)).toBeNull()
  // Allowed bytes but not on this service's list.
  expect(sniffType(bytes(0x47, 0x49, 0x46, 0x38), 'a.gif', allowed)).toBeNull()
})

test('every problem code gets a Polish sentence and the right next step, never the raw English detail', () => {
  const type415 = problemToError(
    415,
    { code: 'ATTACHMENT_TYPE_NOT_ALLOWED', detail: '"wirus.exe" is not an allowed kind of file (detected: application/x-msdownload)', filename: 'wirus.exe' },
    null
  )
  expect(explainProblem(type415, t, 'pl', 5)).toEqual({
    text: 'Plik wirus.exe nie może zostać załączony — to nie jest dozwolony rodzaj pliku.',
    retry: false,
    file: 'wirus.exe'
  })
  // An older service without the filename member: the name comes from the detail.
  expect(explainProblem(problemToError(415, { code: 'ATTACHMENT_TYPE_NOT_ALLOWED', detail: '"a.exe" is not…' }, null), t, 'pl', 5).file).toBe('a.exe')
  const big = explainProblem(problemToError(413, { code: 'ATTACHMENT_TOO_LARGE', filename: 'skan.pdf', maxFileBytes: 20 * 1024 * 1024 }, null), t, 'pl', 5)
  expect(big).toMatchObject({ text: 'Plik skan.pdf jest za duży — limit to 20 MB na plik.', retry: false, file: 'skan.pdf' })
  const limited = explainProblem(problemToError(429, { code: 'RATE_LIMITED', detail: 'Too many posts; try again in 4 minutes' }, '240'), t, 'pl', 5)
  expect(limited).toMatchObject({ waitSeconds: 240, retry: false })
  expect(limited.text).not.toContain('Too many')
  expect(explainProblem(new ApiError('NETWORK', 0, 'Network error'), t, 'pl', 5)).toMatchObject({
    retry: true,
    text: expect.stringContaining('Brak połączenia')
  })
  expect(explainProblem(problemToError(503, { code: 'DATABASE_UNAVAILABLE' }, '5'), t, 'pl', 5).retry).toBe(true)
  // The virus scanner being down is temporary: retry, with its own sentence.
  expect(explainProblem(problemToError(503, { code: 'SCANNER_UNAVAILABLE' }, null), t, 'pl', 5)).toMatchObject({
    retry: true,
    text: expect.stringContaining('antywirusowym')
  })
  // The quota is per period: deleting cases frees nothing, so the text does not say so.
  expect(explainProblem(problemToError(413, { code: 'STORAGE_QUOTA_EXCEEDED' }, null), t, 'pl', 5).text).toContain('spróbuj później')
  expect(
    explainProblem(problemToError(400, { code: 'VALIDATION_FAILED', detail: 'body/question must NOT have more than 10000 characters' }, null), t, 'pl', 5)
  ).toEqual({ text: 'Sprawdź treść wiadomości — czegoś brakuje albo jest za długa.', retry: false })
  expect(explainProblem(problemToError(500, {}, null), t, 'pl', 5)).toEqual({ text: 'Coś poszło nie tak. Spróbuj ponownie.', retry: true })
})
