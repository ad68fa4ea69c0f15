import { crc32, deflateSync } from 'node:zlib'

/** A real PNG (a small "screenshot": a grey window with a blue title bar), made without dependencies. */
export function screenshotPng(width = 160, height = 100): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3
      const title = y < 14
      const field = y > 30 && y < 44 && x > 12 && x < width - 12
      const [r, g, b] = title ? [31, 95, 191] : field ? [255, 255, 255] : [235, 238, 243]
      raw[o] = r
      raw[o + 1] = g
      raw[o + 2] = b
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0))
  ])
}

export const jpkCsv = (): Buffer =>
  Buffer.from(
    'LpSprzedazy;NrKontrahenta;NazwaKontrahenta;DowodSprzedazy;K_19;K_20\n1;5213017228;Piekarnia Złoty Kłos;FV/11/2026/001;1000.00;230.00\n2;7010002137;Trans-Pol Transport;FV/11/2026/002;2500.00;575.00\n',
    'utf8'
  )
