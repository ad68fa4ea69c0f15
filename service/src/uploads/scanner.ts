import type { FastifyBaseLogger } from 'fastify'
import { AppError } from '../errors.js'
import { openScanStream, parseClamdUrl, type ClamdAddress, type ScanStream } from './clamd.js'

export type ScanFailureMode = 'reject' | 'accept'

/** How a stored file left the scanner: `unscanned` only in accept mode, flagged for the rescan job. */
export type ScanOutcome = 'clean' | 'unscanned'

/** The scan of one uploaded file, fed the same bytes as storage while they stream in. */
export interface FileScan {
  write(chunk: Buffer): Promise<void>
  /** Throws ATTACHMENT_INFECTED, or SCANNER_UNAVAILABLE in reject mode. */
  finish(): Promise<ScanOutcome>
  abort(): void
}

/** What one scan came to, for the ze_attachment_scans_total metric. */
export type ScanResult = 'clean' | 'infected' | 'error'

export interface Scanner {
  address: ClamdAddress
  timeoutMs: number
  /** Counts a scan's result (uploads here, the rescan job in rescan.ts). */
  record(result: ScanResult): void
  open(filename: string): FileScan
}

export interface ScannerOptions {
  clamdUrl: string
  failureMode: ScanFailureMode
  timeoutMs: number
  onResult?: (result: ScanResult) => void
}

/** null when CLAMD_URL is not set: uploads are stored unscanned and nothing is flagged. */
export function createScanner(options: ScannerOptions, log: FastifyBaseLogger): Scanner | null {
  if (!options.clamdUrl) return null
  const address = parseClamdUrl(options.clamdUrl)
  const record = (result: ScanResult): void => options.onResult?.(result)
  const unavailable = (err: unknown) =>
    new AppError('SCANNER_UNAVAILABLE', `The malware scanner could not check the file: ${(err as Error).message}`.slice(0, 300))

  return {
    address,
    timeoutMs: options.timeoutMs,
    record,
    open(filename) {
      let stream: ScanStream | null = openScanStream(address, options.timeoutMs)
      // Accept mode keeps the upload going without the scanner and remembers why.
      const giveUp = (err: unknown): void => {
        if (stream) record('error')
        if (options.failureMode === 'reject') throw unavailable(err)
        log.warn({ err, filename }, 'malware scanner unavailable; the file is stored and flagged for a rescan')
        stream?.abort()
        stream = null
      }
      return {
        async write(chunk) {
          try {
            await stream?.write(chunk)
          } catch (err) {
            giveUp(err)
          }
        },
        async finish() {
          if (!stream) return 'unscanned'
          let verdict
          try {
            verdict = await stream.verdict()
          } catch (err) {
            giveUp(err)
            return 'unscanned'
          }
          record(verdict.infected ? 'infected' : 'clean')
          if (!verdict.infected) return 'clean'
          log.warn({ filename, signature: verdict.signature }, 'infected upload refused')
          throw new AppError('ATTACHMENT_INFECTED', `"${filename}" contains malware (${verdict.signature}) and was not stored`, {
            filename,
            signature: verdict.signature
          })
        },
        abort() {
          stream?.abort()
        }
      }
    }
  }
}
