import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { counts, me } from '../helpers/factories'
import { installFakeApi, problem } from '../helpers/fakeApi'
import { renderConsole } from '../helpers/render'

beforeEach(() => localStorage.clear())
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const SENT = /Jeśli ten adres należy do eksperta, wysłaliśmy na niego link/

test('signed out: "Zaloguj się" asks for the e-mail and mails a link through POST /session/link', async () => {
  const api = installFakeApi({ 'GET /me': problem(401, 'EXPERT_KEY_MISSING'), 'POST /session/link': { status: 202 } })
  renderConsole()
  expect(await screen.findByRole('heading', { name: 'Zaloguj się' })).toBeTruthy()
  fireEvent.input(screen.getByLabelText('Adres e-mail'), { target: { value: ' tomasz@example.com ' } })
  fireEvent.click(screen.getByRole('button', { name: 'Wyślij link' }))
  expect(await screen.findByText(SENT)).toBeTruthy()
  const [sent] = api.called('POST /session/link')
  expect(sent?.json).toEqual({ email: 'tomasz@example.com' })
  expect(sent?.headers['x-ze-console']).toBe('1')
})

test('the answer does not tell a known address from an unknown or malformed one', async () => {
  installFakeApi({ 'GET /me': problem(401, 'EXPERT_KEY_MISSING'), 'POST /session/link': problem(400, 'VALIDATION_FAILED') })
  renderConsole()
  fireEvent.input(await screen.findByLabelText('Adres e-mail'), { target: { value: 'nikt@example.com' } })
  fireEvent.click(screen.getByRole('button', { name: 'Wyślij link' }))
  expect(await screen.findByText(SENT)).toBeTruthy()
})

test('rate limiting and a dead network are said plainly', async () => {
  const api = installFakeApi({ 'GET /me': problem(401, 'EXPERT_KEY_MISSING'), 'POST /session/link': problem(429, 'RATE_LIMITED') })
  renderConsole()
  fireEvent.input(await screen.findByLabelText('Adres e-mail'), { target: { value: 'a@example.com' } })
  fireEvent.click(screen.getByRole('button', { name: 'Wyślij link' }))
  expect((await screen.findByRole('alert')).textContent).toMatch(/Za dużo prób/)
  api.on('POST /session/link', () => Promise.reject(new TypeError('offline')))
  fireEvent.click(screen.getByRole('button', { name: 'Wyślij link' }))
  await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Nie udało się wysłać/))
})

test('a used or expired link lands on the sign-in page, which says so', async () => {
  installFakeApi({ 'GET /me': problem(401, 'EXPERT_SESSION_INVALID') })
  renderConsole('#/signin?link=invalid')
  expect((await screen.findByRole('alert')).textContent).toMatch(/wygasł albo został już użyty/)
})

test('signed in (the link set the cookie): the queue shows; "Wyloguj" ends the session', async () => {
  const api = installFakeApi({
    'GET /me': { body: me },
    'GET /cases': { body: { items: [], nextCursor: null } },
    'GET /cases/counts': { body: counts },
    'GET /offices': { body: { items: [] } },
    'DELETE /session': { status: 204 }
  })
  renderConsole()
  expect(await screen.findByRole('heading', { name: 'Kolejka' })).toBeTruthy()
  expect(screen.getByText('Zalogowano jako Ja Ekspert')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: 'Wyloguj' }))
  expect(await screen.findByRole('heading', { name: 'Zaloguj się' })).toBeTruthy()
  expect(api.called('DELETE /session')[0]?.headers['x-ze-console']).toBe('1')
})

test('English is one switch away and remembered', async () => {
  installFakeApi({
    'GET /me': { body: me },
    'GET /cases': { body: { items: [], nextCursor: null } },
    'GET /cases/counts': { body: counts },
    'GET /offices': { body: { items: [] } }
  })
  renderConsole()
  fireEvent.change(await screen.findByLabelText('Język'), { target: { value: 'en' } })
  expect(await screen.findByRole('heading', { name: 'Queue' })).toBeTruthy()
  expect(screen.getByRole('link', { name: /Unassigned/ })).toBeTruthy()
  expect(document.documentElement.lang).toBe('en')
  expect(localStorage.getItem('ze-console-locale')).toBe('en')
  fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'pl' } })
  expect(await screen.findByRole('heading', { name: 'Kolejka' })).toBeTruthy()
})
