/** Building blocks of malformed requests; the generator in malformed.ts combines them. */

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')

export const BAD_IDS = [
  '', 'x', '0', '-1', '1e3', 'null', 'undefined', 'true', '%24gt', encodeURIComponent('{"$gt":""}'), encodeURIComponent('{"$ne":null}'),
  '..%2F..%2Fetc%2Fpasswd', '%2e%2e', '%2e%2e%2f%2e%2e%2fadmin', '%00', '%ff%fe', '%c0%af', 'a'.repeat(300), '0123456789abcdef0123456',
  '0123456789abcdef012345678', 'ZZZZZZZZZZZZZZZZZZZZZZZZ', '507f1f77bcf86cd799439011', '000000000000000000000000', encodeURIComponent('ＡＢＣ'),
  '%E2%80%AE', encodeURIComponent('😀'), '%0d%0aSet-Cookie:%20x=1', 'constructor', '__proto__', '[object Object]'
]

export const BAD_QUERIES = [
  'view[$ne]=x', 'view[$gt]=', 'view=deleted', 'view=', 'limit=0', 'limit=-5', 'limit=51', 'limit=1e309', 'limit=abc', 'limit[$gt]=1', 'limit=1&limit=2',
  'unread=maybe', 'unread[$exists]=true', 'cursor=', `cursor=${'A'.repeat(5000)}`, 'cursor=%%%', 'cursor=not!base64',
  `cursor=${b64({ t: { $gt: '' }, i: 'x' })}`, `cursor=${b64({ t: '2024-01-01T00:00:00.000Z', i: { $gt: '' } })}`, `cursor=${b64({ t: '9999-99-99T99:99:99.999Z', i: '0123456789abcdef01234567' })}`,
  `cursor=${b64({ p: 'waiting', t: '2024-01-01T00:00:00.000Z', i: '0123456789abcdef01234567', $where: '1' })}`, `cursor=${b64('[]')}`, `cursor=${b64('null')}`, `cursor=${b64('{"t":')}`,
  `q=${'a'.repeat(20_000)}`, 'q[$regex]=.*', `q=${encodeURIComponent('(a+)+$')}`, `q=${encodeURIComponent('.*')}`, 'q=', 'q=%00', `q=${encodeURIComponent('{"$gt":""}')}`,
  'status[$in][]=open', 'status=closed', `assignee=${encodeURIComponent('{"$ne":null}')}`, 'assignee=someone', 'officeId[$ne]=x', 'appId[$gt]=',
  '__proto__[admin]=true', 'constructor[prototype][x]=1', '%ff%fe=%c0%af', 'x=1', 'view=active&view=archived', 'category[$gt]=', 'published=yes', 'hidden[$ne]=true',
  `slug=${'../'.repeat(10)}`, 'a[b][c][d][e][f][g][h]=1', '=', '&&&', '%'
]

/** JSON payloads that no JSON route accepts; `broken` ones fail in the parser, before any route logic. */
export const BAD_JSON: Array<{ body: string | Buffer; broken?: boolean }> = [
  { body: '{"ids":{"$gt":""}}' }, { body: '{"ids":[{"$ne":null}]}' }, { body: '{"ids":["507f1f77bcf86cd799439011",{"$where":"sleep(1000)"}]}' },
  { body: '{"ids":"all"}' }, { body: '{"ids":null}' }, { body: `{"ids":${JSON.stringify(Array.from({ length: 101 }, () => '507f1f77bcf86cd799439011'))}}` },
  { body: '[]' }, { body: 'null' }, { body: '"str"' }, { body: '42' }, { body: 'true' },
  { body: '{', broken: true }, { body: '{"ids":[', broken: true }, { body: 'not json', broken: true }, { body: "{'ids':[]}", broken: true }, { body: '{"a":1,}', broken: true },
  { body: '{"ids":[] /* c */}', broken: true }, { body: 'NaN', broken: true }, { body: '{"n":Infinity}', broken: true }, { body: '{"n":1e999' , broken: true },
  { body: '{"__proto__":{"admin":true},"title":{"$gt":""}}' }, { body: '{"constructor":{"prototype":{"admin":true}},"status":1}' },
  { body: '{"title":123,"body":[]}' }, { body: '{"title":"","body":""}' }, { body: '{"title":"x","body":"y","extra":1,"$where":"1"}' },
  { body: '{"status":"closed"}' }, { body: '{"status":{"$ne":null}}' }, { body: '{"assignee":{"$ne":null}}' }, { body: '{"assigneeId":"me","x":1}' },
  { body: '{"postId":{"$gt":""}}' }, { body: '{"postId":"x"}' }, { body: '{"body":{"$gt":""}}' }, { body: '{"body":""}' }, { body: '{"body":"   "}' },
  { body: '{"appId":{"$gt":""},"slug":{"$ne":null},"title":"t","markdown":"m","category":"c"}' }, { body: '{"published":"yes","tags":"a"}' },
  { body: '{"title":"\\ud800","body":"\\udfff\\u0000","x":{"$gt":""}}' }, { body: '{"ids":["a"],"ids":{"$gt":""}}' }
]

/** Payload builders whose size or shape matters more than their text. */
export const jsonMonsters = {
  deepArray: (depth: number) => '['.repeat(depth) + ']'.repeat(depth),
  deepObject: (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
  /** secure-json-parse walks objects that mention __proto__/constructor: make it walk deep. */
  deepProto: (depth: number) => '{"a":'.repeat(depth) + '{"__proto__":{"x":1},"constructor":{"prototype":{}}}' + '}'.repeat(depth),
  /** Over BODY_LIMIT_BYTES: refused with 413 before parsing. */
  huge: (bytes: number) => `{"title":"${'x'.repeat(bytes)}","body":"y"}`,
  /** Under the body limit, but over every field's maxLength. */
  longField: (chars: number) => JSON.stringify({ title: 'ż'.repeat(chars), body: 'ó'.repeat(chars), ids: ['x'.repeat(chars)], status: 'y'.repeat(chars) }),
  invalidUtf8: () => Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80]), Buffer.from('","ids":[1]}')])
}

export const BAD_AUTH = [
  '', 'Bearer', 'Bearer ', 'bearer  ', `Bearer ${'a'.repeat(9000)}`, 'Basic YWRtaW46YWRtaW4=', 'Bearer a.b.c', 'Bearer {"$gt":""}', 'Bearer ..', 'Bearer null',
  'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', 'Bearer zek_{"$ne":null}', `Bearer zek_${'0'.repeat(64)}`, 'Bearer zek_', 'Bearer \u0000', 'Digest x'
]

export const BAD_FILENAMES = [
  '../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/shadow', 'C:\\boot.ini', 'a\r\nContent-Type: text/html.png', 'nul\u0000.png', '\u202egnp.exe',
  '.htaccess', '..', '.', '', ' ', 'x'.repeat(5000) + '.png', 'CON.png', 'faktura.png.exe', '%2e%2e%2fpasswd.pdf', 'a"b;c=d.pdf', 'ścieżka/../../x.pdf'
]

/** Files whose name promises an allowed type that the content does not deliver. */
export const DISGUISED: Array<{ name: string; data: Buffer }> = [
  { name: 'faktura.png', data: Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(256, 0)]) },
  { name: 'wyciag.pdf', data: Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.alloc(256, 1)]) },
  { name: 'zdjecie.jpg', data: Buffer.from('<html><script>alert(1)</script></html>') },
  { name: 'obraz.svg', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') },
  { name: 'dane.csv', data: Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x41]) },
  // Text types are accepted by extension in UTF-8 or a single-byte code page, never with binary control bytes.
  { name: 'notatka.txt', data: Buffer.from([0x4e, 0x6f, 0x01, 0x02, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x7f]) },
  { name: 'skrypt.sh', data: Buffer.from('#!/bin/sh\nrm -rf /\n') },
  { name: 'archiwum.docx', data: Buffer.concat([Buffer.from('7f454c46', 'hex'), Buffer.alloc(64, 7)]) }
]
