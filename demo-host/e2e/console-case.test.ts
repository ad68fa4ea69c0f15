// Issue 13 items 4 and 9: the expert's reply with an attachment, sent from the console, reaches
// the chief's open widget; an internal note written in the same case never reaches the chief —
// not in the widget, not from /api/v1, not on the chief's event stream.
import { afterEach, describe, expect, it } from 'vitest'
import { api, asPersona, chooseFiles, closePagesAfterEach, env, openDemo, panel, screenshot, unique } from './helpers.js'
import { consoleScreenshot, experts, openConsole } from './console.js'

closePagesAfterEach()

/** The chief's own event stream (GET /api/v1/events), collected as raw text until stopped. */
async function chiefEventStream(): Promise<{ text(): string; stop(): void }> {
  const ctrl = new AbortController()
  const res = await fetch(`${env().serviceUrl}/api/v1/events`, { headers: { authorization: await asPersona('chief-office') }, signal: ctrl.signal })
  if (res.status !== 200 || !res.body) throw new Error(`events: ${res.status}`)
  let text = ''
  const reader = res.body.getReader()
  const decoder = new TextDecoder()
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      text += decoder.decode(value, { stream: true })
    }
  })().catch(() => undefined)
  return { text: () => text, stop: () => ctrl.abort() }
}

let stream: Awaited<ReturnType<typeof chiefEventStream>> | undefined
afterEach(() => stream?.stop())

describe('console: reply and internal note', () => {
  it('a reply with an attachment reaches the chief’s open widget; the internal note before it never does', async () => {
    const [tomasz] = experts()
    const subject = unique('Nie widzę przycisku Wyślij do KSeF')
    const created = await api.createCase('chief-office', `${subject}\nGdzie jest wysyłka do KSeF?`, subject)
    const note = `Notatka wewnętrzna: sprawdzić uprawnienia biura ${Date.now()}`
    const reply = 'Przycisk jest w Faktury » Wyślij do KSeF; na zrzucie zaznaczyłem, gdzie go szukać.'

    // The chief has the conversation open in the widget, and the chief's event stream is read meanwhile.
    const chief = await openDemo('chief-office')
    await chief.page.evaluate((id) => window.SupportWidget('open', { caseId: id }), created.id)
    const conversation = panel(chief.page)
    await conversation.getByRole('article').getByText('Gdzie jest wysyłka do KSeF?').waitFor()
    stream = await chiefEventStream()

    const { page } = await openConsole(tomasz, { hash: `#/case/${created.id}` })
    await page.getByRole('heading', { name: `Sprawa #${created.number}: ${subject}` }).waitFor()
    const editor = page.getByRole('form', { name: 'Odpowiedź klientowi lub notatka' })
    await editor.getByRole('radio', { name: 'Notatka wewnętrzna' }).check()
    await editor.getByLabel('Treść notatki wewnętrznej').fill(note)
    await editor.getByRole('button', { name: 'Dodaj notatkę' }).click()
    await editor.getByRole('status').filter({ hasText: 'Notatka dodana.' }).waitFor()
    const noteItem = page.getByRole('list', { name: 'Rozmowa' }).getByRole('article', { name: `Notatka wewnętrzna: ${tomasz.name}` })
    await noteItem.getByText(note).waitFor()

    await editor.getByRole('radio', { name: 'Odpowiedź' }).check()
    await editor.getByLabel('Treść odpowiedzi').fill(reply)
    // A real screenshot of the host page as the attachment, as an expert would send one.
    const shot = { name: 'ksef-przycisk.png', mimeType: 'image/png', buffer: await chief.page.screenshot({ clip: { x: 0, y: 0, width: 640, height: 400 } }) }
    await chooseFiles(page, editor.getByRole('button', { name: 'Wybierz' }), [shot])
    await editor.getByText('ksef-przycisk.png').waitFor()
    await editor.getByRole('button', { name: 'Odpowiedz' }).click()
    await editor.getByRole('status').filter({ hasText: 'Wysłano.' }).waitFor()
    // Replying to an unassigned case made it this expert's. A live 'case' event reloads the case
    // meanwhile, and a reload that started before the assignment lands a moment later: poll on state.
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Przypisana osoba' }).locator('option:checked').textContent(), { timeout: 15_000 })
      .toBe(tomasz.name)
    await page.getByRole('link', { name: 'Pobierz ksef-przycisk.png' }).waitFor()
    await consoleScreenshot(page, 'case-reply-and-note')

    // The reply arrives in the open widget by itself, with its attachment; the note is nowhere.
    const article = conversation.getByRole('article')
    await article.getByText(reply).waitFor({ timeout: 15_000 })
    // An image arrives as a thumbnail button named after the file, enabled once the chief's browser has fetched it.
    const thumb = article.getByRole('button', { name: /ksef-przycisk\.png/ })
    await expect.poll(() => thumb.isEnabled(), { timeout: 10_000 }).toBe(true)
    await screenshot(chief.page, 'console-reply-in-widget')
    expect(await conversation.textContent()).not.toContain(note)

    const chiefView = await api.getCase('chief-office', created.id)
    expect(chiefView.messages.map((m) => m.body)).toEqual([expect.stringContaining('Gdzie jest wysyłka do KSeF?'), reply])
    const [attachment] = chiefView.messages[1]!.attachments
    expect(attachment).toMatchObject({ filename: 'ksef-przycisk.png', contentType: 'image/png' })
    const download = await api.raw('GET', `/api/v1/attachments/${attachment!.id}`, await asPersona('chief-office'))
    expect(download.status).toBe(200)
    expect(Buffer.from(await download.arrayBuffer()).equals(shot.buffer)).toBe(true)
    expect(JSON.stringify(chiefView)).not.toContain(note)

    const expertView = (await (await api.raw('GET', `/admin/v1/cases/${created.id}`, `Bearer ${tomasz.key}`)).json()) as {
      messages: Array<{ id: string; body: string; internal: boolean }>
    }
    const noteId = expertView.messages.find((m) => m.body === note && m.internal)?.id
    const replyId = expertView.messages.find((m) => m.body === reply)?.id
    expect(noteId).toBeTruthy()
    // The stream carried the reply (so it was listening) and nothing of the note.
    await expect.poll(() => stream!.text(), { timeout: 10_000 }).toContain(replyId!)
    expect(stream.text()).not.toContain(noteId!)
    expect(stream.text()).not.toContain('Notatka wewnętrzna')
  })
})
