// Issue 14 item 1: "Gotowe odpowiedzi" — an admin expert adds a shared saved reply with
// variables in the console; another expert inserts it into a case reply with `;` (the
// variables filled from the case) together with a link to an article; the chief's open widget
// shows the filled text, and the article link opens the article inside the widget.
import { describe, expect, it } from 'vitest'
import { api, closePagesAfterEach, openDemo, panel, screenshot, unique } from './helpers.js'
import { consoleScreenshot, expectAccessible, experts, openConsole } from './console.js'

closePagesAfterEach()

describe('console: saved replies', () => {
  it('a shared reply with variables, inserted by ; in a case, reaches the chief’s widget filled; its article link opens inside the widget', async () => {
    const [tomasz, joanna] = experts()
    const title = unique('Korekta faktury — odpowiedź')
    const template = 'Dzień dobry {{imie}},\nw sprawie nr {{numer}} biura {{biuro}}: korektę wystawi Pani w Faktury » Korekty.\nPozdrawiam, {{ekspert}}'

    // Tomasz (admin) adds it as a shared reply in "Gotowe odpowiedzi".
    const admin = await openConsole(tomasz)
    await admin.page.getByRole('navigation', { name: 'Nawigacja' }).getByRole('link', { name: 'Gotowe odpowiedzi' }).click()
    await admin.page.getByRole('heading', { name: 'Gotowe odpowiedzi', level: 1 }).waitFor()
    await admin.page.getByRole('button', { name: 'Nowa odpowiedź' }).click()
    const form = admin.page.getByRole('form', { name: 'Nowa odpowiedź' })
    await form.getByRole('radio', { name: 'Wspólna' }).check()
    await form.getByLabel('Tytuł').fill(title)
    await form.getByLabel('Treść').fill(template)
    await form.getByLabel('Tagi').fill('faktury, korekta')
    await form.getByRole('button', { name: 'Zapisz' }).click()
    const shared = admin.page.getByRole('region', { name: 'Wspólne' })
    await shared.getByText(title).waitFor()
    await consoleScreenshot(admin.page, 'saved-replies')
    await expectAccessible(admin.page, 'saved-replies')

    // The chief has the case open in the widget.
    const subject = unique('Jak skorygować fakturę')
    const created = await api.createCase('chief-office', `${subject}\nKlient zwrócił towar, jak wystawić korektę?`, subject)
    const chief = await openDemo('chief-office')
    await chief.page.evaluate((id) => window.SupportWidget('open', { caseId: id }), created.id)
    const conversation = panel(chief.page)
    await conversation.getByRole('article').getByText('Klient zwrócił towar').waitFor()

    // Joanna (not an admin) answers with it: `;` at the start of the editor opens the picker.
    const { page } = await openConsole(joanna, { hash: `#/case/${created.id}` })
    await page.getByRole('heading', { name: `Sprawa #${created.number}: ${subject}` }).waitFor()
    const editor = page.getByRole('form', { name: 'Odpowiedź klientowi lub notatka' })
    const body = editor.getByLabel('Treść odpowiedzi')
    await body.click()
    await body.press(';')
    const search = editor.getByRole('combobox', { name: 'Gotowe odpowiedzi' })
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true)
    await search.fill(title.slice(0, 30))
    const option = editor.getByRole('option').filter({ hasText: title })
    await option.waitFor()
    // The preview already shows the text as it will be sent.
    expect(await option.textContent()).toContain(`w sprawie nr ${created.number} biura Biuro Rachunkowe Alfa`)
    await consoleScreenshot(page, 'saved-reply-picker')
    await expectAccessible(page, 'saved-reply-picker')
    await search.press('Enter')
    const filled = `Dzień dobry Anna,\nw sprawie nr ${created.number} biura Biuro Rachunkowe Alfa Sp. z o.o.: korektę wystawi Pani w Faktury » Korekty.\nPozdrawiam, Joanna Ekspert`
    await expect.poll(() => body.inputValue()).toBe(filled)

    // Then a link to an article, found by a word of its title, at the end.
    await body.press('Control+End')
    await body.pressSequentially('\nWięcej: ')
    await editor.getByRole('button', { name: 'Link do artykułu' }).click()
    const articles = editor.getByRole('combobox', { name: 'Link do artykułu' })
    await articles.fill('korygująca')
    await editor.getByRole('option').filter({ hasText: 'Faktura korygująca — kiedy i jak ją wystawić' }).click()
    const sent = `${filled}\nWięcej: [Faktura korygująca — kiedy i jak ją wystawić](article:faktura-korygujaca)`
    await expect.poll(() => body.inputValue()).toBe(sent)
    await editor.getByRole('button', { name: 'Odpowiedz' }).click()
    await editor.getByRole('status').filter({ hasText: 'Wysłano.' }).waitFor()

    // The chief's open widget shows the filled reply by itself; the article opens inside it.
    const reply = conversation.getByRole('article').locator('li.msg.expert').last()
    await reply.getByText('Dzień dobry Anna,').waitFor({ timeout: 15_000 })
    // Multipart form fields carry line breaks as CRLF (the HTML form-data rules), so compare lines.
    const text = (await reply.locator('.text').innerText()).replace(/\r\n/g, '\n').trim()
    expect(text).toBe(`${filled}\nWięcej: Faktura korygująca — kiedy i jak ją wystawić`)
    expect(text).not.toContain('{{')
    await screenshot(chief.page, 'console-saved-reply-in-widget')
    const hostUrl = chief.page.url()
    await reply.getByRole('link', { name: 'Faktura korygująca — kiedy i jak ją wystawić' }).click()
    await conversation.getByRole('heading', { name: 'Faktura korygująca — kiedy i jak ją wystawić', level: 3 }).waitFor()
    expect(chief.page.url()).toBe(hostUrl)
    await screenshot(chief.page, 'console-article-link-in-widget')
    await conversation.getByRole('button', { name: /Wstecz/ }).click()
    await conversation.getByText('Dzień dobry Anna,').waitFor()
  })
})
