// Issue 15 item 10: "Zrzut ekranu" captures the tab with getDisplayMedia, the chief covers
// regions (mouse and keyboard), and only the covered PNG is uploaded. Headless Chromium
// captures the real tab with --auto-accept-this-tab-capture (getDisplayMedia with
// preferCurrentTab is accepted without the picker). The stored attachment is read back and
// decoded by the browser: the blacked-out rectangle is black, pixel for pixel.
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, chromiumPath } from '@ze/testkit/browser'
import { api, asPersona, closePagesAfterEach, env, openDemo, openPomoc, screenshot, unique } from './helpers.js'
import { expectAccessibleWidget } from './axe.js'

closePagesAfterEach()

let capBrowser: Browser
beforeAll(async () => {
  capBrowser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--auto-accept-this-tab-capture'] })
})
afterAll(async () => {
  await capBrowser?.close()
})

interface Box {
  x: number
  y: number
  w: number
  h: number
}

/**
 * Every file the page hands to XMLHttpRequest or fetch (as FormData or a Blob), recorded in
 * the page before it is sent: what could leave the browser, not what the network shows.
 */
async function recordSentFiles(page: Page): Promise<() => Promise<{ url: string; name: string; b64: string }[]>> {
  await page.addInitScript(() => {
    const sent: { url: string; name: string; b64: string }[] = ((window as unknown as { sentFiles: typeof sent }).sentFiles = [])
    const keep = (url: string, body: unknown): void => {
      const blobs =
        body instanceof FormData ? Array.from(body.values()).filter((v): v is File => v instanceof Blob) : body instanceof Blob ? [body as File] : []
      for (const blob of blobs) {
        const entry = { url, name: blob.name ?? '', b64: '' }
        sent.push(entry)
        void blob.arrayBuffer().then((buf) => {
          let bin = ''
          const bytes = new Uint8Array(buf)
          for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
          entry.b64 = btoa(bin)
        })
      }
    }
    const open = XMLHttpRequest.prototype.open
    XMLHttpRequest.prototype.open = function (this: XMLHttpRequest & { zeUrl?: string }, ...args: unknown[]) {
      this.zeUrl = String(args[1])
      return (open as (...a: unknown[]) => void).apply(this, args)
    } as typeof open
    const send = XMLHttpRequest.prototype.send
    XMLHttpRequest.prototype.send = function (this: XMLHttpRequest & { zeUrl?: string }, body?: Document | XMLHttpRequestBodyInit | null) {
      keep(this.zeUrl ?? '', body)
      return send.call(this, body)
    }
    const fetch0 = window.fetch
    window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
      keep(input instanceof Request ? input.url : String(input), init?.body)
      return fetch0.call(this, input, init)
    }
  })
  return () => page.evaluate(() => (window as unknown as { sentFiles: { url: string; name: string; b64: string }[] }).sentFiles)
}

/** The stored attachment's bytes, as the service hands them to the chief. */
async function storedBytes(attachmentId: string): Promise<Buffer> {
  const res = await fetch(`${env().serviceUrl}/api/v1/attachments/${attachmentId}`, { headers: { authorization: await asPersona('chief-office') } })
  expect(res.status).toBe(200)
  return Buffer.from(await res.arrayBuffer())
}

/** Decodes a PNG in the browser: its size and how many pixels inside `box` are not pure black. */
function inspectPng(page: Page, png: Buffer, box: Box): Promise<{ width: number; height: number; nonBlack: number; outsideBlack: number }> {
  return page.evaluate(
    async ({ b64, box }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
      const c = new OffscreenCanvas(bmp.width, bmp.height)
      const ctx = c.getContext('2d')!
      ctx.drawImage(bmp, 0, 0)
      const inside = ctx.getImageData(box.x, box.y, box.w, box.h).data
      let nonBlack = 0
      for (let i = 0; i < inside.length; i += 4) if (inside[i] || inside[i + 1] || inside[i + 2]) nonBlack++
      // A strip to the right of the box: the page is not black there.
      const strip = ctx.getImageData(Math.min(bmp.width - 10, box.x + box.w + 20), box.y, 10, box.h).data
      let outsideBlack = 0
      for (let i = 0; i < strip.length; i += 4) if (!strip[i] && !strip[i + 1] && !strip[i + 2]) outsideBlack++
      return { width: bmp.width, height: bmp.height, nonBlack, outsideBlack }
    },
    { b64: png.toString('base64'), box }
  )
}

const shrink = (b: Box, by: number): Box => ({ x: b.x + by, y: b.y + by, w: b.w - 2 * by, h: b.h - 2 * by })

describe('Zrzut ekranu with covering (issue 15 item 10)', () => {
  it('ask form: capture the tab, black out a region with the mouse, blur one with the keyboard; only the covered PNG is uploaded and stored', async () => {
    let sentFiles: () => Promise<{ url: string; name: string; b64: string }[]> = async () => []
    const demo = await openDemo('chief-office', '/', {
      browser: capBrowser,
      beforeLoad: async (p) => {
        sentFiles = await recordSentFiles(p)
      }
    })
    const { page } = demo
    const dialog = await openPomoc(page)
    await dialog.getByRole('button', { name: /^Zapytaj Eksperta/ }).click()
    const question = unique('Zrzut: gdzie jest błąd w deklaracji?')
    await dialog.getByLabel('Twoje pytanie').fill(question)
    await dialog.getByRole('button', { name: 'Zrzut ekranu', exact: true }).click()

    const editor = dialog.getByRole('dialog', { name: 'Zakryj to, czego eksperci nie powinni widzieć' })
    await editor.waitFor()
    const canvas = editor.locator('canvas')
    const size = await canvas.evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height }))
    expect(size.w).toBeGreaterThan(600)
    const view = (await canvas.boundingBox())!
    // Mouse: drag over the top-left part of the screenshot (the host page's header and menu).
    const from = { x: view.x + view.width * 0.05, y: view.y + view.height * 0.05 }
    const to = { x: view.x + view.width * 0.35, y: view.y + view.height * 0.3 }
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move(to.x, to.y, { steps: 5 })
    await page.mouse.up()
    const area = editor.getByRole('application')
    await expect.poll(() => area.getAttribute('aria-label')).toBe('Zrzut ekranu, zakryte obszary: 1')
    // Keyboard: Rozmyj, move the frame down-right, grow it, Enter.
    await editor.getByRole('radio', { name: 'Rozmyj' }).check()
    await area.focus()
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight', 'Shift+ArrowRight']) await area.press(key)
    await area.press('Enter')
    await expect.poll(() => area.getAttribute('aria-label')).toBe('Zrzut ekranu, zakryte obszary: 2')
    await screenshot(page, 'widget-capture-editor')
    await expectAccessibleWidget(page, 'widget-capture-editor')

    // Nothing has been handed to the network yet.
    expect(await sentFiles()).toEqual([])
    await editor.getByRole('button', { name: 'Załącz zrzut' }).click()
    await editor.waitFor({ state: 'detached' })
    const files = dialog.getByRole('group', { name: 'Załącz pliki' })
    await files.getByText(/^zrzut-ekranu-[\d-]+\.png$/).waitFor()
    await screenshot(page, 'widget-capture-attached')
    await expectAccessibleWidget(page, 'widget-capture-attached')
    await dialog.getByRole('button', { name: 'Wyślij' }).click()
    await dialog.getByRole('article').getByText(question).first().waitFor()

    const mine = (await api.cases('chief-office')).find((c) => c.subject.includes(question))!
    const detail = await api.getCase('chief-office', mine.id)
    const [att] = detail.messages[0]!.attachments
    expect(att).toMatchObject({ contentType: 'image/png' })
    const stored = await storedBytes(att!.id)
    // The mouse rectangle in the screenshot's pixels, as the editor computes it.
    const black: Box = {
      x: Math.round(size.w * 0.05),
      y: Math.round(size.h * 0.05),
      w: Math.round(size.w * 0.3),
      h: Math.round(size.h * 0.25)
    }
    // The keyboard's blur frame started there and moved two steps down: check the strip above it.
    const step = Math.max(4, Math.round(Math.max(size.w, size.h) / 40))
    const seen = await inspectPng(page, stored, shrink({ ...black, h: 2 * step }, 3))
    expect([seen.width, seen.height]).toEqual([size.w, size.h])
    expect(seen.nonBlack).toBe(0)
    expect(seen.outsideBlack).toBeLessThan(10)
    // The only file that was handed to the network is the upload, and it is exactly the stored PNG.
    const sent = await sentFiles()
    expect(sent.map((f) => [new URL(f.url, env().serviceUrl).pathname, f.name])).toEqual([['/api/v1/cases', att!.filename]])
    expect(Buffer.from(sent[0]!.b64, 'base64').equals(stored)).toBe(true)
  })

  it('reply box, keyboard only: the camera button, arrow keys and Enter black out the frame; Escape would cancel', async () => {
    const subject = unique('Zrzut w odpowiedzi')
    const c = await api.createCase('chief-office', `${subject}\nTreść.`, subject)
    await api.expertReply(c.id, 'Proszę o zrzut ekranu.')
    const demo = await openDemo('chief-office', '/', { browser: capBrowser })
    const { page } = demo
    const dialog = await openPomoc(page)
    await page.evaluate((id) => window.SupportWidget!('open', { caseId: id }), c.id)
    await dialog.locator('li.msg.expert').waitFor()

    // Escape closes the editor without attaching anything.
    const camera = dialog.getByRole('button', { name: 'Zrzut ekranu', exact: true })
    await camera.focus()
    await camera.press('Enter')
    const editor = dialog.getByRole('dialog', { name: 'Zakryj to, czego eksperci nie powinni widzieć' })
    await editor.waitFor()
    await page.keyboard.press('Escape')
    await editor.waitFor({ state: 'detached' })
    expect(await dialog.getByText(/^zrzut-ekranu-/).count()).toBe(0)
    expect(await dialog.isVisible()).toBe(true)

    await camera.press('Enter')
    await editor.waitFor()
    const area = editor.getByRole('application')
    // The frame has focus at once; it starts in the middle, a quarter wide and a fifth high.
    await expect.poll(() => area.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true)
    const size = await editor.locator('canvas').evaluate((el: HTMLCanvasElement) => ({ w: el.width, h: el.height }))
    for (const key of ['ArrowUp', 'ArrowLeft', 'Shift+ArrowDown']) await page.keyboard.press(key)
    await page.keyboard.press('Enter')
    await expect.poll(() => area.getAttribute('aria-label')).toBe('Zrzut ekranu, zakryte obszary: 1')
    await screenshot(page, 'widget-capture-reply-keyboard')
    await page.keyboard.press('Tab') // Anuluj
    await page.keyboard.press('Tab') // Załącz zrzut
    await page.keyboard.press('Enter')
    await editor.waitFor({ state: 'detached' })
    await dialog.getByText(/^zrzut-ekranu-[\d-]+\.png$/).waitFor()
    await dialog.getByLabel('Twoja odpowiedź').fill('Zrzut z zakrytymi danymi.')
    await dialog.getByRole('button', { name: 'Odpowiedz' }).click()
    await dialog.getByText('Zrzut z zakrytymi danymi.').waitFor()

    const detail = await api.getCase('chief-office', c.id)
    const reply = detail.messages.find((m) => m.attachments.length)!
    const stored = await storedBytes(reply.attachments[0]!.id)
    // The editor's arithmetic (src/ui/capture/redact.ts): start in the middle, step = max(W, H) / 40.
    const step = Math.max(4, Math.round(Math.max(size.w, size.h) / 40))
    const w0 = Math.round(size.w / 4)
    const h0 = Math.round(size.h / 5)
    const box: Box = {
      x: Math.round(size.w / 2 - size.w / 8) - step,
      y: Math.round(size.h / 2 - size.h / 10) - step,
      w: w0,
      h: h0 + step
    }
    const seen = await inspectPng(page, stored, shrink(box, 2))
    expect(seen.nonBlack).toBe(0)
    expect(seen.outsideBlack).toBeLessThan(10)
  })
})
