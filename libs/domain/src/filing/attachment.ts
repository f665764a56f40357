/**
 * Documents attached to a filing. The bytes live in content-addressed blob storage; the
 * filing records only the sha-256, which is also the attachment's identity within a filing
 * (the same bytes twice add nothing to the file).
 */
import { ValidationError } from '../shared/domain-error';
import { isSha256Hex } from '../shared/sha256';

export const ACCEPTED_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const;
export type AttachmentContentType = (typeof ACCEPTED_CONTENT_TYPES)[number];

/** The kinds across both filings; each aggregate narrows to the ones its procedure accepts. */
export const ATTACHMENT_KINDS = [
  'medical-report',
  'application-form',
  'supporting-document',
  'representation',
  'other',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export interface Attachment<Kind extends AttachmentKind = AttachmentKind> {
  readonly blobHash: string;
  readonly filename: string;
  readonly contentType: AttachmentContentType;
  /** Bytes. */
  readonly size: number;
  readonly kind: Kind;
}

/** "10 Mb" on the service pages; read as mebibytes, which is what the e-office enforces. */
export const MAX_TOTAL_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const invalid = (reason: string, attachment: Attachment) =>
  new ValidationError(
    'INVALID_ATTACHMENT',
    `The attachment "${attachment.filename}" is not valid: ${reason}.`,
    {
      reason,
      filename: attachment.filename,
    },
  );

/** Checks what the type system cannot guarantee for data that crossed the HTTP boundary. */
export const attachmentMustBeWellFormed = <Kind extends AttachmentKind>(
  attachment: Attachment<Kind>,
  allowedKinds: readonly Kind[],
): Attachment<Kind> => {
  const blobHash = attachment.blobHash.toLowerCase();
  if (!isSha256Hex(blobHash)) throw invalid('the blob hash must be a sha-256 in hex', attachment);
  if (attachment.filename.trim() === '') throw invalid('a file name is required', attachment);
  if (!ACCEPTED_CONTENT_TYPES.includes(attachment.contentType)) {
    throw invalid(`only ${ACCEPTED_CONTENT_TYPES.join(', ')} are accepted`, attachment);
  }
  if (!Number.isSafeInteger(attachment.size) || attachment.size <= 0) {
    throw invalid('the size must be a positive number of bytes', attachment);
  }
  attachmentKindOf(attachment.kind, allowedKinds);
  return { ...attachment, blobHash, filename: attachment.filename.trim() };
};

/** The kind a filer named, as one of those the procedure accepts: an upload's kind is only text. */
export const attachmentKindOf = <Kind extends AttachmentKind>(
  kind: string,
  allowedKinds: readonly Kind[],
): Kind => {
  const allowed = allowedKinds.find((candidate) => candidate === kind);
  if (allowed === undefined) {
    throw new ValidationError(
      'ATTACHMENT_KIND_NOT_ALLOWED',
      `Documents of kind "${kind}" are not accepted in this procedure.`,
      { kind, allowed: allowedKinds },
    );
  }
  return allowed;
};

export const totalSize = (attachments: readonly Attachment[]): number =>
  attachments.reduce((total, attachment) => total + attachment.size, 0);

const MEGABYTE = 1024 * 1024;

/**
 * Sizes as people read them: "60 bytes", "512 KB", "9.9 MB" (binary units, as the 10 MB limit).
 * `down` for what is left: "at most" must never promise more than fits.
 */
export const describeSize = (bytes: number, { down = false } = {}): string => {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const [value, unit] = bytes < MEGABYTE ? [bytes / 1024, 'KB'] : [bytes / MEGABYTE, 'MB'];
  return `${down ? Math.floor(value * 10) / 10 : Number(value.toFixed(1))} ${unit}`;
};

/** Why a document does not fit: the 10 MB total, what the draft already holds, and what is left. */
export const attachmentBudgetExceeded = (heldBytes: number): string => {
  const limit = describeSize(MAX_TOTAL_ATTACHMENT_BYTES);
  if (heldBytes === 0)
    return `Together the documents may not exceed ${limit}; this document alone is larger.`;
  const left = Math.max(0, MAX_TOTAL_ATTACHMENT_BYTES - heldBytes);
  return `Together the documents may not exceed ${limit}; this draft already holds ${describeSize(heldBytes)}, so at most ${describeSize(left, { down: true })} more fit.`;
};
