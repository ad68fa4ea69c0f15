import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { ChunkT } from '../expertT'
import { Sheet } from '../sheet'
import { captureCss } from './captureCss'
import { captureTab, clampRect, keyRect, paint, spanRect, type Rect, type Region, type RedactMode } from './redact'

export { captureTab }

interface Props {
  /** The captured frame: it stays in this component; only the covered copy becomes a file. */
  source: HTMLCanvasElement
  onAttach: (file: File) => void
  onCancel: () => void
  /**
   * The expert chunk's translator, passed in: importing it would make this chunk import the
   * expert chunk statically, and Rollup would then rename that chunk's exports, which the
   * retry of a hung chunk (ui/lazy.tsx) reads by name. scripts/build.mjs refuses such a build.
   */
  t: ChunkT
}

const pct = (n: number, of: number): string => `${(n / of) * 100}%`

/**
 * Covers parts of a screenshot before it is attached (accounting screens carry personal and
 * financial data): drag with the mouse, or move a frame with the arrow keys (Shift resizes)
 * and press Enter. Black or blur; Cofnij undoes. The PNG is made from the covered copy.
 */
export default function Editor({ source, onAttach, onCancel, t }: Props) {
  const W = source.width
  const H = source.height
  const canvas = useRef<HTMLCanvasElement>(null)
  const area = useRef<HTMLDivElement>(null)
  const [regions, setRegions] = useState<Region[]>([])
  const [mode, setMode] = useState<RedactMode>('black')
  const [sel, setSel] = useState<Rect>(() => clampRect({ x: W / 2 - W / 8, y: H / 2 - H / 10, w: W / 4, h: H / 5 }, W, H))
  const drag = useRef<{ x: number; y: number } | null>(null)
  const [busy, setBusy] = useState(false)

  useLayoutEffect(() => {
    if (canvas.current) paint(canvas.current, source, regions)
  }, [regions])
  useEffect(() => {
    area.current?.focus()
  }, [])

  const toImage = (e: PointerEvent): { x: number; y: number } => {
    const box = area.current!.getBoundingClientRect()
    return { x: ((e.clientX - box.left) * W) / box.width, y: ((e.clientY - box.top) * H) / box.height }
  }
  const cover = (r: Rect): void => setRegions((rs) => [...rs, { ...clampRect(r, W, H), mode }])

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      onCancel()
      return
    }
    if (e.target !== area.current) return
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      cover(sel)
      return
    }
    const next = keyRect(sel, e.key, e.shiftKey, W, H)
    if (next) {
      e.preventDefault()
      setSel(next)
    }
  }
  const attach = (): void => {
    const c = canvas.current
    if (!c || busy) return
    setBusy(true)
    c.toBlob((blob) => {
      setBusy(false)
      if (!blob) return
      const stamp = new Date().toISOString().slice(0, 16).replace(/[T:]/g, '-')
      onAttach(new File([blob], `zrzut-ekranu-${stamp}.png`, { type: 'image/png' }))
    }, 'image/png')
  }

  return (
    <div class="cap" role="dialog" aria-modal="true" aria-labelledby="ze-cap-h" onKeyDown={onKeyDown}>
      <Sheet css={captureCss} name="capture" />
      <div class="cap-card">
        <h2 id="ze-cap-h">{t('capTitle')}</h2>
        <p id="ze-cap-help" class="hint">
          {t('capHelp')}
        </p>
        <div class="cap-tools">
          <fieldset>
            <legend>{t('capMode')}</legend>
            {(['black', 'blur'] as const).map((m) => (
              <label key={m}>
                <input type="radio" name="ze-cap-mode" checked={mode === m} onChange={() => setMode(m)} /> {t(m === 'black' ? 'capBlack' : 'capBlur')}
              </label>
            ))}
          </fieldset>
          <button type="button" class="btn sm" onClick={() => cover(sel)}>
            {t('capCover')}
          </button>
          <button type="button" class="btn sm" disabled={!regions.length} onClick={() => setRegions((rs) => rs.slice(0, -1))}>
            {t('capUndo')}
          </button>
        </div>
        <div
          ref={area}
          class="cap-img"
          role="application"
          tabIndex={0}
          aria-roledescription={t('capArea')}
          aria-label={t('capCovered', { n: regions.length })}
          aria-describedby="ze-cap-help"
          onPointerDown={(e) => {
            e.preventDefault()
            area.current?.focus()
            area.current?.setPointerCapture?.(e.pointerId)
            drag.current = toImage(e)
          }}
          onPointerMove={(e) => {
            if (!drag.current) return
            const p = toImage(e)
            setSel(spanRect(drag.current.x, drag.current.y, p.x, p.y))
          }}
          onPointerUp={(e) => {
            if (!drag.current) return
            const p = toImage(e)
            const r = spanRect(drag.current.x, drag.current.y, p.x, p.y)
            drag.current = null
            const s = clampRect(r, W, H)
            setSel(s)
            if (r.w >= 4 && r.h >= 4) cover(s)
          }}
        >
          <canvas ref={canvas} width={W} height={H} />
          <div class="cap-sel" style={{ left: pct(sel.x, W), top: pct(sel.y, H), width: pct(sel.w, W), height: pct(sel.h, H) }} />
        </div>
        <p class="hint">{t('capPrivacy')}</p>
        <div class="cap-actions">
          <button type="button" class="btn" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button type="button" class="btn primary" disabled={busy} onClick={attach}>
            {t('capAttach')}
          </button>
        </div>
      </div>
    </div>
  )
}
