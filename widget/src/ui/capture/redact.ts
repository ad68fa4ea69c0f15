/** A rectangle in the screenshot's own pixels. */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}
export type RedactMode = 'black' | 'blur'
export interface Region extends Rect {
  mode: RedactMode
}

const MIN = 8

/** Keeps `r` inside a w×h image and at least a few pixels big. */
export function clampRect(r: Rect, w: number, h: number): Rect {
  const rw = Math.min(Math.max(MIN, Math.round(r.w)), w)
  const rh = Math.min(Math.max(MIN, Math.round(r.h)), h)
  return { x: Math.min(Math.max(0, Math.round(r.x)), w - rw), y: Math.min(Math.max(0, Math.round(r.y)), h - rh), w: rw, h: rh }
}

/** The rectangle two corners span, whichever way the mouse was dragged. */
export const spanRect = (ax: number, ay: number, bx: number, by: number): Rect => ({
  x: Math.min(ax, bx),
  y: Math.min(ay, by),
  w: Math.abs(bx - ax),
  h: Math.abs(by - ay)
})

/**
 * Arrow keys move the selection, Shift + arrows resize it; the step is a fortieth of the
 * image so that a few presses cross a field on any screen size.
 */
export function keyRect(r: Rect, key: string, shift: boolean, w: number, h: number): Rect | null {
  const step = Math.max(4, Math.round(Math.max(w, h) / 40))
  const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[key]
  if (!d) return null
  const [dx, dy] = d as [number, number]
  return clampRect(shift ? { ...r, w: r.w + dx, h: r.h + dy } : { ...r, x: r.x + dx, y: r.y + dy }, w, h)
}

/**
 * Covers a region for good: black paint, or a "blur" that first throws the detail away
 * (the region is reduced to a coarse grid of averages and stretched back), so no filter
 * can be undone to read what was there.
 */
function cover(ctx: CanvasRenderingContext2D, r: Region): void {
  if (r.mode === 'black') {
    ctx.fillStyle = '#000'
    ctx.fillRect(r.x, r.y, r.w, r.h)
    return
  }
  const block = Math.max(12, Math.round(Math.min(r.w, r.h) / 4))
  const small = document.createElement('canvas')
  small.width = Math.max(1, Math.ceil(r.w / block))
  small.height = Math.max(1, Math.ceil(r.h / block))
  small.getContext('2d')!.drawImage(ctx.canvas, r.x, r.y, r.w, r.h, 0, 0, small.width, small.height)
  ctx.save()
  ctx.beginPath()
  ctx.rect(r.x, r.y, r.w, r.h)
  ctx.clip()
  ctx.imageSmoothingEnabled = true
  ctx.drawImage(small, 0, 0, small.width, small.height, r.x, r.y, r.w, r.h)
  ctx.restore()
}

/** The original with every region covered, drawn onto `target` (the original is never changed). */
export function paint(target: HTMLCanvasElement, original: HTMLCanvasElement, regions: Region[]): void {
  const ctx = target.getContext('2d')
  if (!ctx) return
  ctx.drawImage(original, 0, 0)
  for (const r of regions) cover(ctx, r)
}

/** One frame of the current tab, chosen by the user in the browser's own dialog; the stream stops at once. */
export async function captureTab(): Promise<HTMLCanvasElement> {
  const stream = await navigator.mediaDevices.getDisplayMedia({
    video: { displaySurface: 'browser' },
    audio: false,
    // Chromium: offer this tab first, skip the share bar's "switch tab".
    preferCurrentTab: true,
    selfBrowserSurface: 'include'
  } as DisplayMediaStreamOptions)
  try {
    const video = document.createElement('video')
    video.muted = true
    video.srcObject = stream
    await video.play()
    // The first frame can be black while the capture starts: wait for a painted one.
    await new Promise((r) => setTimeout(r, 250))
    const canvas = document.createElement('canvas')
    canvas.width = video.videoWidth
    canvas.height = video.videoHeight
    canvas.getContext('2d')!.drawImage(video, 0, 0)
    video.srcObject = null
    return canvas
  } finally {
    for (const track of stream.getTracks()) track.stop()
  }
}
