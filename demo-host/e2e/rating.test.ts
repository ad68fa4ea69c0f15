// Issue 15 item 9: an answered case asks "Czy odpowiedź eksperta pomogła?"; the rating is
// stored on the case and the experts see it in the admin case detail.
import { describe, expect, it } from 'vitest'
import { api, closePagesAfterEach, env, openDemo, panel, unique } from './helpers.js'

closePagesAfterEach()

describe('rating an answer (issue 15 item 9)', () => {
  it('the chief rates an answered case 1–5 with a comment; the expert sees it', async () => {
    const subject = unique('Ocena odpowiedzi')
    const c = await api.createCase('chief-office', 'Jak wystawić korektę faktury?', subject)
    await api.expertReply(c.id, 'Proszę wybrać Faktury » Korekta.')
    const { page } = await openDemo('chief-office')
    await page.evaluate((caseId) => window.SupportWidget!('open', { caseId }), c.id)
    const dialog = panel(page)
    const question = dialog.getByRole('group', { name: 'Czy odpowiedź eksperta pomogła?' })
    await question.waitFor()
    await question.getByRole('radio', { name: '4 z 5' }).check()
    await dialog.getByLabel('Komentarz (opcjonalnie)').fill('Pomogło, dziękuję.')
    await dialog.getByRole('button', { name: 'Wyślij ocenę' }).click()
    await dialog.getByText('Dziękujemy! Twoja ocena: 4 z 5.').waitFor()

    const res = await api.raw('GET', `/admin/v1/cases/${c.id}`, `Bearer ${env().expertKey}`)
    expect((await res.json()).case.rating).toMatchObject({ score: 4, comment: 'Pomogło, dziękuję.' })
    expect((await api.getCase('chief-office', c.id)).case).toMatchObject({ rating: { score: 4 } })
  })
})
