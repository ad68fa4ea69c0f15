import { useEffect, useRef, useState } from 'preact/hooks'
import type { AttachmentRef } from '../../api/types'
import { formatBytes } from '../../i18n'
import { useWidget } from '../context'
import { useExpertT } from '../expertT'
import { FileName } from '../files/FileName'
import { downloadAttachment } from './download'

const IMAGE = /^image\/(png|jpeg|gif|webp)$/

/** Attachments need the bearer header: images are fetched as blobs and shown from object URLs (CSP: img-src blob:). */
function useBlobUrl(id: string): string | null | 'failed' {
  const { session } = useWidget()
  const [url, setUrl] = useState<string | null | 'failed'>(null)
  useEffect(() => {
    let live = true
    let made: string | null = null
    session.api.blob(`/api/v1/attachments/${encodeURIComponent(id)}`).then(
      (b) => {
        if (live) setUrl((made = URL.createObjectURL(b)))
      },
      () => {
        if (live) setUrl('failed')
      }
    )
    return () => {
      live = false
      if (made) URL.revokeObjectURL(made)
    }
  }, [id])
  return url
}

function Lightbox({ url, name, onClose }: { url: string; name: string; onClose: () => void }) {
  const t = useExpertT()
  const close = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    close.current?.focus()
  }, [])
  return (
    <div
      class="lightbox"
      role="dialog"
      aria-modal="true"
      aria-label={name}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose()
      }}
      // Escape closes the picture, not the whole panel; Tab stays on the one button.
      onKeyDown={(e) => {
        if (e.key === 'Escape' || e.key === 'Tab') {
          e.preventDefault()
          e.stopPropagation()
          if (e.key === 'Escape') onClose()
        }
      }}
    >
      <button ref={close} type="button" class="lbclose" aria-label={t('close')} onClick={onClose}>
        <span aria-hidden="true">×</span>
      </button>
      <img src={url} alt={name} />
    </div>
  )
}

function Thumb({ a }: { a: AttachmentRef }) {
  const et = useExpertT()
  const url = useBlobUrl(a.id)
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  if (url === 'failed') return <FileChip a={a} />
  return (
    <li class="thumb">
      <button ref={button} type="button" aria-label={et('openImage', { name: a.filename })} title={a.filename} onClick={() => setOpen(true)} disabled={!url}>
        {url ? <img src={url} alt="" /> : <span class="skel" />}
      </button>
      {open && url && (
        <Lightbox
          url={url}
          name={a.filename}
          onClose={() => {
            setOpen(false)
            button.current?.focus()
          }}
        />
      )}
    </li>
  )
}

function FileChip({ a }: { a: AttachmentRef }) {
  const { session } = useWidget()
  const { locale } = session
  const t = useExpertT()
  const [failed, setFailed] = useState(false)
  return (
    <li class="chip">
      <button
        type="button"
        aria-label={t('download', { name: a.filename })}
        onClick={(e) => {
          setFailed(false)
          downloadAttachment(session.api, a.id, a.filename, e.currentTarget).catch(() => setFailed(true))
        }}
      >
        <FileName name={a.filename} />
        <span class="hint">{formatBytes(a.size, locale)}</span>
      </button>
      {failed && (
        <span role="alert" class="err">
          {t('genericError')}
        </span>
      )}
    </li>
  )
}

/** Images as thumbnails that open in a lightbox; other files as chips with their size that download. */
export function Attachments({ items }: { items: AttachmentRef[] }) {
  if (!items.length) return null
  return <ul class="atts">{items.map((a) => (IMAGE.test(a.contentType) ? <Thumb key={a.id} a={a} /> : <FileChip key={a.id} a={a} />))}</ul>
}
