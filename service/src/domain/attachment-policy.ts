/**
 * What may be attached to a case. The type is decided from the file's content (magic
 * bytes), never from its name or the browser's claim; the extension is only used to tell
 * plain-text formats apart, which have no magic bytes.
 */
export const attachmentPolicy = {
  allowedTypes: [
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/webp',
    'application/pdf',
    'text/plain',
    'text/csv',
    'application/xml',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/zip'
  ],
  allowedExtensions: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'pdf', 'txt', 'csv', 'xml', 'docx', 'xlsx', 'odt', 'ods', 'zip']
}
