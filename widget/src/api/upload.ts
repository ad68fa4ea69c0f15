import type { ApiClient } from './client'
import { ApiError, problemToError } from './errors'

export interface UploadOptions {
  onProgress?: (fraction: number) => void
  signal?: AbortSignal
}

/**
 * Multipart POST through XMLHttpRequest, because fetch still cannot report upload
 * progress. Shares the client's token handling (one retry on TOKEN_EXPIRED).
 */
export function upload<T>(client: ApiClient, path: string, form: FormData, opts: UploadOptions = {}): Promise<T> {
  return client.authorized(
    (token) =>
      new Promise<T>((resolve, reject) => {
        const xhr = new XMLHttpRequest()
        xhr.open('POST', client.url(path))
        if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`)
        xhr.setRequestHeader('accept', 'application/json')
        xhr.upload.onprogress = (e) => {
          if (e.lengthComputable && e.total > 0) opts.onProgress?.(e.loaded / e.total)
        }
        const onAbort = (): void => xhr.abort()
        opts.signal?.addEventListener('abort', onAbort)
        const done = (): void => opts.signal?.removeEventListener('abort', onAbort)
        xhr.onload = () => {
          done()
          let body: unknown = null
          try {
            body = JSON.parse(xhr.responseText)
          } catch {
            /* non-JSON error page */
          }
          if (xhr.status >= 200 && xhr.status < 300) {
            opts.onProgress?.(1)
            resolve(body as T)
          } else reject(problemToError(xhr.status, body, xhr.getResponseHeader('retry-after')))
        }
        xhr.onerror = () => {
          done()
          reject(new ApiError('NETWORK', 0, 'Network error'))
        }
        xhr.onabort = () => {
          done()
          reject(new ApiError('ABORTED', 0, 'Upload aborted'))
        }
        xhr.ontimeout = () => {
          done()
          reject(new ApiError('TIMEOUT', 0, 'Upload timed out'))
        }
        xhr.send(form)
      })
  )
}
