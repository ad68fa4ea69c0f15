// R1 (only the office chief asks — from the office account and from a client's account),
// R9 (inactive package: only through START » WIADOMOŚCI), R10 (scope notice), tenant isolation.
import { describe, expect, it } from 'vitest'
import type { PersonaId } from '@ze/testkit/personas'
import {
  api,
  asPersona,
  caseRow,
  env,
  inlinePanel,
  openDemo,
  openMojePytania,
  openPomoc,
  panel,
  screenshot,
  unique,
  type DemoPage,
  closePagesAfterEach
} from './helpers.js'

let demo: DemoPage | undefined
closePagesAfterEach()

const ONLY_CHIEF = 'Pytanie do ekspertów może wysłać wyłącznie szef biura'

describe('who may ask', () => {
  for (const persona of ['employee', 'client'] as const satisfies PersonaId[]) {
    it(`R1: the ${persona} persona cannot ask and is told why (Pomoc, Zapytaj Eksperta, API)`, async () => {
      demo = await openDemo(persona, '/')
      const { page } = demo
      const dialog = await openPomoc(page)
      const ask = dialog.getByRole('button', { name: /^Zapytaj Eksperta/ })
      expect(await ask.isDisabled()).toBe(true)
      // The reason is shown and tied to the disabled option for screen readers.
      const why = dialog.getByText(ONLY_CHIEF)
      expect(await why.isVisible()).toBe(true)
      expect(await ask.getAttribute('aria-describedby')).toBe(await why.getAttribute('id'))
      expect(await dialog.getByRole('button', { name: /^Moje pytania/ }).count()).toBe(0)
      // Articles and forum stay open to everyone.
      expect(await dialog.getByRole('button', { name: /^Artykuły/ }).isEnabled()).toBe(true)
      expect(await dialog.getByRole('button', { name: /^Forum/ }).isEnabled()).toBe(true)
      await screenshot(page, `r1-${persona}-pomoc`)

      // A host that opens the ask form directly gets the same explanation, not a form.
      await page.keyboard.press('Escape')
      await page.evaluate(() => window.SupportWidget('open', 'ask'))
      await panel(page).getByText(ONLY_CHIEF).waitFor()
      expect(await panel(page).getByLabel('Twoje pytanie').count()).toBe(0)

      // The service enforces it whatever the browser does.
      const fd = new FormData()
      fd.append('question', 'Czy mogę zapytać?')
      fd.append('entryPoint', 'sidebar')
      const res = await fetch(`${env().serviceUrl}/api/v1/cases`, { method: 'POST', headers: { authorization: await asPersona(persona) }, body: fd })
      expect(res.status).toBe(403)
      expect(((await res.json()) as { code: string }).code).toBe('ONLY_OFFICE_CHIEF')
    })
  }

  it('R1: a non-chief opening Moje pytania or START » WIADOMOŚCI is told why instead of seeing an error', async () => {
    demo = await openDemo('employee', '/')
    const { page } = demo
    await page.locator('#avatar-button').click()
    await page
      .locator('#avatar-dropdown')
      .getByRole('button', { name: /Moje pytania/ })
      .click()
    await panel(page).getByText(ONLY_CHIEF).waitFor({ timeout: 5000 })
    expect(await panel(page).getByText('Nie udało się pobrać listy spraw.').count()).toBe(0)
    await screenshot(page, 'r1-employee-moje-pytania')
    await page.goto(page.url().replace(/\/(\?|$)/, '/wiadomosci$1'))
    await inlinePanel(page).getByText(ONLY_CHIEF).waitFor({ timeout: 5000 })
    expect(await inlinePanel(page).getByText('Nie udało się pobrać listy spraw.').count()).toBe(0)
    await screenshot(page, 'r1-employee-wiadomosci')
  })

  it('R1: the chief working inside a client account asks, and the case shows the client context', async () => {
    demo = await openDemo('chief-client', '/faktury')
    const { page } = demo
    expect((await page.locator('#account-context').textContent())?.replace(/\s+/g, ' ')).toContain('Konto klienta Piekarnia Złoty Kłos')
    const dialog = await openPomoc(page)
    await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).click()
    const question = unique('Klient nie widzi faktury z KSeF w swoim panelu — co sprawdzić?')
    await dialog.getByLabel('Twoje pytanie').fill(question)
    await dialog.getByRole('button', { name: 'Wyślij' }).click()
    const conversation = dialog.getByRole('article')
    await conversation.getByText(question).first().waitFor()
    expect(await conversation.getByText('Klient: Piekarnia Złoty Kłos').count()).toBeGreaterThan(0)
    await screenshot(page, 'r1-chief-client-sprawa')

    const created = (await api.cases('chief-client')).find((c) => c.subject === question)
    expect(created).toMatchObject({ account: { type: 'client', name: 'Piekarnia Złoty Kłos' }, accountLabel: 'Klient: Piekarnia Złoty Kłos' })
    // The same chief on the office account sees it in the one history, labelled with the client.
    await page.locator('#persona-switcher').selectOption('chief-office')
    await page.waitForURL((url) => url.searchParams.get('persona') === 'chief-office')
    const list = await openMojePytania(page)
    await caseRow(list, question).getByText('Klient: Piekarnia Złoty Kłos').waitFor()
  })

  it('R9 + R10: with an inactive package the sidebar and avatar entries explain and point to START » WIADOMOŚCI, where asking works and the scope notice is shown', async () => {
    demo = await openDemo('chief-inactive', '/klienci')
    const { page } = demo
    const INACTIVE = 'Twój pakiet jest nieaktywny'
    // "?" in the right sidebar
    let dialog = await openPomoc(page)
    expect(await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).isDisabled()).toBe(true)
    expect(await dialog.getByText(INACTIVE).isVisible()).toBe(true)
    await screenshot(page, 'r9-pomoc')
    await page.keyboard.press('Escape')
    // avatar → Moje pytania → Utwórz sprawę
    dialog = await openMojePytania(page)
    await dialog.getByRole('button', { name: 'Utwórz sprawę' }).click()
    await dialog.getByText(INACTIVE).waitFor()
    expect(await dialog.getByLabel('Twoje pytanie').count()).toBe(0)
    await screenshot(page, 'r9-moje-pytania')
    // … and the way there is a working link into the host.
    await dialog.getByRole('button', { name: 'Przejdź do START » WIADOMOŚCI' }).click()
    await page.waitForURL((url) => url.pathname === '/wiadomosci' && url.searchParams.get('persona') === 'chief-inactive')

    const region = inlinePanel(page)
    await region.getByRole('button', { name: 'Utwórz sprawę' }).click()
    const question = unique('Pakiet wygasł — jak pobrać archiwalne deklaracje?')
    await region.getByLabel('Twoje pytanie').fill(question)
    expect(await region.getByText('dotyczy wyłącznie wskazówek technicznych', { exact: false }).isVisible()).toBe(true)
    await screenshot(page, 'r9-r10-formularz')
    await region.getByRole('button', { name: 'Wyślij' }).click()
    await region.getByRole('article').getByText(question).first().waitFor()
    const created = (await api.cases('chief-inactive')).find((c) => c.subject === question)
    expect(created).toMatchObject({ entryPoint: 'messages', aboutSystemUsage: true })

    // The service offers this chief no other entry point.
    const res = await api.raw('GET', '/api/v1/me', await asPersona('chief-inactive'))
    expect(((await res.json()) as { capabilities: { entryPoints: string[] } }).capabilities.entryPoints).toEqual(['messages'])
  })

  it('another office sees none of these cases, even by id', async () => {
    const subject = unique('Sprawa biura Alfa')
    const alfa = await api.createCase('chief-office', subject, subject)
    demo = await openDemo('chief-other-office', '/')
    const { page } = demo
    const list = await openMojePytania(page)
    expect(await caseRow(list, subject).count()).toBe(0)
    await page.keyboard.press('Escape')
    await page.evaluate((id) => window.SupportWidget('open', { caseId: id }), alfa.id)
    await panel(page).getByText('Nie znaleziono tej sprawy.').waitFor()
    expect(await panel(page).getByText(subject).count()).toBe(0)
  })
})
