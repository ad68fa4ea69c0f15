import { Webhook } from 'standardwebhooks'

export class WebhookDeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | null
  ) {
    super(message)
  }
}

/**
 * One Standard Webhooks delivery: `webhook-id` (the outbox item id, stable across retries so
 * receivers can deduplicate), `webhook-timestamp` (seconds) and `webhook-signature`
 * (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`). Any 2xx is success.
 */
export async function deliverWebhook(target: { url: string; secret: string }, id: string, payload: unknown, timeoutMs: number): Promise<number> {
  const body = JSON.stringify(payload)
  const timestamp = new Date()
  const signature = new Webhook(target.secret).sign(id, timestamp, body)
  let res: Response
  try {
    res = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'ZapytajEksperta-Webhooks/1',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs)
    })
  } catch (err) {
    throw new WebhookDeliveryError(`request failed: ${(err as Error).message}`, null)
  }
  await res.body?.cancel().catch(() => {})
  if (res.status < 200 || res.status > 299) throw new WebhookDeliveryError(`receiver answered ${res.status}`, res.status)
  return res.status
}
