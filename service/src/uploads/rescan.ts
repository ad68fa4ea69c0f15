import type { FastifyBaseLogger } from 'fastify'
import type { AttachmentsRepository } from '../repositories/attachments.js'
import { openScanStream, ScannerError } from './clamd.js'
import type { Scanner } from './scanner.js'

export interface RescanReport {
  clean: number
  infected: number
  /** Left pending for the next round (the scanner is still unavailable, or the read failed). */
  failed: number
}

/**
 * Scans files that were accepted while clamd was unavailable (SCAN_FAILURE_MODE=accept).
 * Clean files lose their flag; infected ones are deleted and keep an `infected` record so a
 * download answers ATTACHMENT_INFECTED. Stops at the first scanner failure: it is still down.
 * Several instances may run it at once; each step is idempotent.
 */
export async function rescanPending(attachments: AttachmentsRepository, scanner: Scanner, log: FastifyBaseLogger, limit = 20): Promise<RescanReport> {
  const report: RescanReport = { clean: 0, infected: 0, failed: 0 }
  for (const id of await attachments.pendingScans(limit)) {
    const scan = openScanStream(scanner.address, scanner.timeoutMs)
    try {
      for await (const chunk of attachments.openDownload(id)) await scan.write(chunk as Buffer)
      const verdict = await scan.verdict()
      scanner.record(verdict.infected ? 'infected' : 'clean')
      if (verdict.infected) {
        await attachments.quarantine(id, verdict.signature)
        log.warn({ attachmentId: String(id), signature: verdict.signature }, 'rescan found an infected attachment; its bytes were deleted')
        report.infected++
      } else {
        await attachments.markScannedClean(id)
        report.clean++
      }
    } catch (err) {
      scan.abort()
      if (err instanceof ScannerError) scanner.record('error')
      report.failed++
      log.warn({ err, attachmentId: String(id) }, 'rescan of an attachment failed; it stays pending')
      if (err instanceof ScannerError) break
    }
  }
  return report
}
