import type { IncomingMessage } from 'node:http';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { MAX_TOTAL_ATTACHMENT_BYTES, requireDraft, totalSize } from '@expediente/domain';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { receiveUpload } from '@expediente/infra/blobs/multipart-upload';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { metadataFor } from '../../commands/command-context';
import { FilingDrafts } from '../filing.shared';
import { FILING_PROCEDURES, FilingSlug } from '../procedures';

export class AttachDocument extends Command<{
  caseId: string;
  version: number;
  attachment: { blobHash: string; filename: string; contentType: string; size: number; kind: string };
}> {
  constructor(
    readonly principal: Principal,
    readonly procedure: FilingSlug,
    readonly caseId: string,
    /** The multipart body, read here so the document is judged before its blob is kept. */
    readonly upload: IncomingMessage,
  ) {
    super();
  }
}

@CommandHandler(AttachDocument)
export class AttachDocumentHandler implements ICommandHandler<AttachDocument> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly drafts: FilingDrafts,
  ) {}

  async execute({ principal, procedure, caseId, upload: body }: AttachDocument) {
    // Only a draft takes documents, and what it holds sets what may still come: checked before the body is read.
    const { state } = await this.drafts.loadOwn(procedure, principal, caseId);
    const held = totalSize(requireDraft(state, caseId).attachments);
    const upload = await receiveUpload(body, this.blobs, {
      maxBytes: Math.max(0, MAX_TOTAL_ATTACHMENT_BYTES - held),
      heldBytes: held,
      // The domain judges the document (kind, duplicate, total) on the draft as it is now, before its blob is kept.
      accept: async (document) => {
        const { loaded } = await this.drafts.loadOwn(procedure, principal, caseId);
        loaded.check({ type: 'attach', document }, metadataFor(principal));
      },
    });
    const { abandon, ...document } = upload;
    const filing = FILING_PROCEDURES[procedure];
    try {
      const change = { type: 'attach', document } as const;
      const version = await filing.change(this.store, caseId, change, metadataFor(principal));
      return { caseId, version, attachment: { ...document, kind: document.kind ?? filing.defaultKind } };
    } catch (error) {
      // The draft changed since `accept` (a concurrent attach): the blob this upload added names nothing.
      await abandon();
      throw error;
    }
  }
}
