import nodemailer, { type Transporter } from 'nodemailer'
import type { RenderedMail } from './templates.js'

export interface OutgoingMail extends RenderedMail {
  to: string
  /** The outbox item id: the same item always carries the same Message-ID. */
  id: string
  unsubscribeUrl: string | null
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

/** nodemailer over `SMTP_URL`; one pooled transport per instance. */
export function createMailer(smtpUrl: string, from: string, domain: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(smtpUrl)
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.id.replace(/[^A-Za-z0-9._-]/g, '.')}@${domain}>`,
        // RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to the URL.
        ...(mail.unsubscribeUrl ? { headers: { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {})
      })
    },
    close() {
      transport.close()
    }
  }
}
