import { expect, test, vi } from 'vitest'
import { createPanel, entryPointFor, viewFor } from '../../src/state/panel'
import { createStore } from '../../src/state/store'

test('store notifies subscribers only on change and stops after unsubscribe', () => {
  const s = createStore(1)
  const fn = vi.fn()
  const off = s.subscribe(fn)
  s.set(1)
  s.set((v) => v + 1)
  off()
  s.set(5)
  expect(fn.mock.calls).toEqual([[2]])
  expect(s.get()).toBe(5)
})

test('entry points: sidebar for home/ask, avatar for cases, messages for inline', () => {
  expect(entryPointFor('home', false)).toBe('sidebar')
  expect(entryPointFor('ask', false)).toBe('sidebar')
  expect(entryPointFor(undefined, false)).toBe('sidebar')
  expect(entryPointFor('cases', false)).toBe('avatar')
  expect(entryPointFor({ caseId: 'x' }, false)).toBe('avatar')
  expect(entryPointFor('cases', true)).toBe('messages')
  expect(entryPointFor('home', true)).toBe('messages')
})

test('views for every open target', () => {
  expect(viewFor('cases')).toEqual({ name: 'cases', tab: 'active' })
  expect(viewFor({ caseId: 'c1' })).toEqual({ name: 'case', caseId: 'c1' })
  expect(viewFor('forum')).toEqual({ name: 'forum' })
  expect(viewFor(undefined)).toEqual({ name: 'home' })
})

test('floating panel: open, navigate, back, replace, close', () => {
  const p = createPanel(false)
  expect(p.store.get()).toEqual({ status: 'closed' })
  p.navigate({ name: 'ask' })
  expect(p.store.get().status).toBe('closed')
  p.open('cases')
  p.navigate({ name: 'case', caseId: 'c1' })
  expect(p.store.get()).toMatchObject({ view: { name: 'case' }, history: [{ name: 'cases' }], entryPoint: 'avatar' })
  p.replace({ name: 'article', slug: 'a' })
  p.back()
  expect(p.store.get()).toMatchObject({ view: { name: 'cases', tab: 'active' }, history: [] })
  p.close()
  expect(p.store.get()).toEqual({ status: 'closed' })
})

test('inline panel is always open and cannot be closed', () => {
  const p = createPanel(true, 'cases')
  expect(p.store.get()).toMatchObject({ status: 'open', entryPoint: 'messages', view: { name: 'cases' } })
  p.close()
  expect(p.store.get().status).toBe('open')
})
