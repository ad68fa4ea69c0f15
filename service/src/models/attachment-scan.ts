import { Schema, type Connection } from 'mongoose'

/**
 * Attachments the malware scanner has not cleared: stored while clamd was unavailable with
 * SCAN_FAILURE_MODE=accept (`pending`, for the rescan job), or found infected by that rescan
 * (`infected`; their bytes are deleted). A clean file has no document here, so the common
 * case costs nothing. `_id` is the GridFS file id.
 */
const attachmentScanSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    state: { type: String, enum: ['pending', 'infected'], required: true },
    appId: { type: String, required: true },
    officeId: { type: String, required: true },
    flaggedAt: { type: Date, required: true },
    signature: { type: String, default: null },
    scannedAt: { type: Date, default: null }
  },
  { versionKey: false }
)

attachmentScanSchema.index({ state: 1 })

export const attachmentScanModel = (connection: Connection) => connection.model('AttachmentScan', attachmentScanSchema, 'attachment_scans')
