import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import busboy from 'busboy';
import {
  attachmentBudgetExceeded,
  describeSize,
  type AttachmentContentType,
  type Facts,
} from '@expediente/domain';
import { BlobStore, BlobTooLarge, StagedBlob } from './blob-store.port';
import { detectContentType, SNIFF_BYTES } from './content-type';
import { unsafeFilenameReason } from './safe-filename';
import { structureProblem } from './document-structure';
import { unsafeTextReason } from '../validation/text';

const NAME_OF: Readonly<Record<AttachmentContentType, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/tiff': 'TIFF',
};

/** Every way an upload is refused; the API's problem+json `code`, stable for clients and translations. */
export type UploadRefusalCode =
  | 'UPLOAD_TOO_LARGE'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'UNSAFE_FILENAME'
  | 'UNSAFE_TEXT'
  | 'UNREADABLE_DOCUMENT'
  | 'NO_FILE'
  | 'NOT_MULTIPART'
  | 'TOO_MANY_FILES'
  | 'MALFORMED_UPLOAD';

const STATUS: Readonly<Record<UploadRefusalCode, number>> = {
  UPLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE_TYPE: 415,
  UNSAFE_FILENAME: 422,
  UNSAFE_TEXT: 422,
  UNREADABLE_DOCUMENT: 422,
  NO_FILE: 400,
  NOT_MULTIPART: 415,
  TOO_MANY_FILES: 400,
  MALFORMED_UPLOAD: 400,
};

/** An upload the server will not keep; `status` is the HTTP status the API answers with. */
export class UploadRefused extends Error {
  override readonly name = 'UploadRefused';
  readonly status: number;

  constructor(
    readonly code: UploadRefusalCode,
    message: string,
    readonly facts: Facts = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export interface ReceivedUpload {
  readonly blobHash: string;
  readonly size: number;
  /** Detected from the bytes, never taken from the request. */
  readonly contentType: AttachmentContentType;
  readonly filename: string;
  /** The optional `kind` text field, checked only as text: the domain decides which kinds a procedure takes. */
  readonly kind: string | undefined;
}

export interface KeptUpload extends ReceivedUpload {
  /** Removes the blob if this upload created it (`KeptBlob.abandon`): for when recording it failed. */
  readonly abandon: () => Promise<void>;
}

export interface UploadOptions {
  readonly maxBytes: number;
  /** What the draft already holds, so a refusal explains the 10 MB total. */
  readonly heldBytes?: number;
  /**
   * The caller's rules for the document (the domain's: its kind, a duplicate), run once the
   * whole form is read and before the blob is kept; whatever it throws refuses the upload.
   */
  readonly accept?: (upload: ReceivedUpload) => Promise<void>;
}

type StagedFile = Omit<ReceivedUpload, 'kind'> & { readonly blob: StagedBlob };

/**
 * Receives one document from a `multipart/form-data` request (file field `file`, optional
 * text field `kind`) into the blob store: the type is sniffed from the first bytes before
 * anything is written, the byte budget is enforced while streaming, the whole file must hold
 * up as its type (a PDF parses), and `accept` must pass, all before the blob is kept — a
 * refused upload leaves no blob. Refusals are `UploadRefused` or `accept`'s own; the rest of
 * a refused body is read and discarded so the connection can still carry the answer.
 */
export function receiveUpload(
  req: IncomingMessage,
  blobs: BlobStore,
  { maxBytes, heldBytes, accept }: UploadOptions,
): Promise<KeptUpload> {
  return new Promise((resolve, reject) => {
    if (!/^multipart\/form-data\s*;/i.test(req.headers['content-type'] ?? '')) {
      req.resume();
      reject(new UploadRefused('NOT_MULTIPART', 'Send the document as multipart/form-data.'));
      return;
    }
    let parser: busboy.Busboy;
    try {
      // preservePath: otherwise busboy quietly turns "../../etc/passwd" into "passwd" and hides the attempt.
      parser = busboy({ headers: req.headers, preservePath: true, defParamCharset: 'utf8', limits: LIMITS });
    } catch (error) {
      req.resume();
      reject(malformed(error));
      return;
    }

    let failure: unknown;
    let staged: Promise<StagedFile | undefined> | undefined;
    let files = 0;
    let kind: string | undefined;

    /** The first failure wins; an upload still being written is waited for so its temp file is gone first. */
    const fail = (error: unknown) => {
      if (failure !== undefined) return;
      failure = error;
      req.unpipe(parser);
      req.resume();
      parser.destroy();
      void (staged ?? Promise.resolve(undefined))
        .then((file) => file?.blob.discard())
        .then(
          () => reject(error),
          () => reject(error),
        );
    };

    parser.on('file', (field, stream, info) => {
      files += 1;
      const refusal =
        failure !== undefined
          ? failure
          : files > 1
            ? new UploadRefused('TOO_MANY_FILES', 'Send one document per request.')
            : field !== 'file'
              ? new UploadRefused('NO_FILE', 'Send the document in the form field "file".', { field })
              : unsafeName(info.filename ?? '');
      if (refusal) {
        // Discarded; destroying the parser below errors this stream, which nobody needs to hear.
        stream.on('error', () => undefined).resume();
        fail(refusal);
        return;
      }
      const filename = (info.filename ?? '').normalize('NFC');
      staged = stageFile(stream, { ...info, filename }, blobs, { maxBytes, heldBytes }).catch(
        (error: unknown) => {
          fail(error);
          return undefined;
        },
      );
    });
    parser.on('field', (name, value) => {
      if (name !== 'kind') return;
      const reason = unsafeTextReason(value);
      if (reason) fail(new UploadRefused('UNSAFE_TEXT', `The field "kind" ${reason}.`, { field: 'kind' }));
      else kind = value.normalize('NFC');
    });
    parser.on('error', (error) => fail(malformed(error)));
    parser.on('close', () => {
      if (failure !== undefined) return;
      if (!staged) {
        fail(new UploadRefused('NO_FILE', 'The request has no document in the form field "file".'));
        return;
      }
      void staged.then(async (file) => {
        if (!file || failure !== undefined) return;
        const { blob, ...found } = file;
        const upload = { ...found, kind };
        try {
          await accept?.(upload);
          const { abandon } = await blob.keep();
          resolve({ ...upload, abandon });
        } catch (error) {
          fail(error);
        }
      });
    });
    req.on('aborted', () => fail(new UploadRefused('MALFORMED_UPLOAD', 'The upload was interrupted.')));
    req.on('error', (error) => fail(error));
    req.pipe(parser);
  });
}

/** Enough for one document and its kind; anything beyond is not a form of ours. */
const LIMITS = { fields: 10, fieldSize: 1024, parts: 20, headerPairs: 50 };

async function stageFile(
  stream: Readable,
  info: busboy.FileInfo & { readonly filename: string },
  blobs: BlobStore,
  { maxBytes, heldBytes }: Pick<UploadOptions, 'maxBytes' | 'heldBytes'>,
): Promise<StagedFile> {
  const { head, whole } = await peek(stream, SNIFF_BYTES);
  const contentType = detectContentType(head);
  if (!contentType) {
    whole.destroy();
    throw new UploadRefused(
      'UNSUPPORTED_FILE_TYPE',
      `"${info.filename}" is not a PDF, JPEG, PNG or TIFF file, whatever its name says.`,
      { declaredName: info.filename, declaredType: info.mimeType, detected: 'unknown' },
    );
  }
  try {
    const blob = await blobs.stage(whole, {
      maxBytes,
      verify: async (content) => {
        const problem = await structureProblem(contentType, content);
        if (problem)
          throw new UploadRefused(
            'UNREADABLE_DOCUMENT',
            `"${info.filename}" starts like a ${NAME_OF[contentType]} file, but ${problem}: it cannot be kept.`,
            { filename: info.filename, detected: contentType, reason: problem },
          );
      },
    });
    return { blobHash: blob.hash, size: blob.size, contentType, filename: info.filename, blob };
  } catch (error) {
    if (error instanceof BlobTooLarge) {
      throw new UploadRefused(
        'UPLOAD_TOO_LARGE',
        heldBytes === undefined
          ? `The document is larger than ${describeSize(error.limit)}.`
          : attachmentBudgetExceeded(heldBytes),
        { limit: error.limit, ...(heldBytes !== undefined && { held: heldBytes }) },
      );
    }
    throw error;
  }
}

/** Reads at least `n` bytes (fewer if the file is shorter) and hands back a stream that replays them first. */
async function peek(source: Readable, n: number): Promise<{ head: Buffer; whole: Readable }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < n) {
    const next = await iterator.next();
    if (next.done) break;
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // Stopped early (budget exceeded): release the source too.
      await iterator.return?.();
    }
  }
  return { head, whole: Readable.from(replay(), { objectMode: false }) };
}

function unsafeName(filename: string): UploadRefused | undefined {
  const reason = unsafeFilenameReason(filename);
  return reason === undefined
    ? undefined
    : new UploadRefused('UNSAFE_FILENAME', `The file name is not acceptable: ${reason}.`, {
        filename,
        reason,
      });
}

const malformed = (error: unknown) =>
  new UploadRefused('MALFORMED_UPLOAD', 'The multipart body could not be read.', {
    reason: error instanceof Error ? error.message : String(error),
  });
