import type { Readable } from 'node:stream';
import { Inject, Logger } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  caseAccessDecider,
  isDomainError,
  type CaseDocument,
  type RecordDocumentRead,
} from '@expediente/domain';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { runCommand } from '@expediente/infra/commands/command-runner';
import { streams } from '@expediente/infra/event-store/streams';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { metadataFor } from '../../commands/command-context';
import { ApiProblem } from '../../problem/api-problem';
import { documentNotFound, UnitCaseDocuments } from '../case-documents.shared';

export interface OpenedDocument {
  readonly document: CaseDocument;
  readonly size: number;
  readonly content: Readable;
}

export class ReadCaseDocument extends Query<OpenedDocument> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
    readonly blobHash: string,
  ) {
    super();
  }
}

/** Many staff may open one case's documents at once; each read appends, so a lost race just tries again. */
const RECORD_RETRIES = 10;

/**
 * The rule, then the record, then the content: a read that could not be recorded is not served
 * (ENS op.exp.8), and it is recorded only once the content is known to be there.
 */
@QueryHandler(ReadCaseDocument)
export class ReadCaseDocumentHandler implements IQueryHandler<ReadCaseDocument> {
  private readonly logger = new Logger(ReadCaseDocumentHandler.name);

  constructor(
    private readonly documents: UnitCaseDocuments,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ principal, caseId, blobHash }: ReadCaseDocument): Promise<OpenedDocument> {
    const { competent, documents } = await this.documents.forStaff(principal, caseId);
    const document = documents.find((candidate) => candidate.blobHash === blobHash);
    if (!document) throw documentNotFound(caseId, blobHash);
    const size = await this.blobs.size(blobHash);
    const metadata = metadataFor(principal);
    const command: RecordDocumentRead = {
      type: 'RecordDocumentRead',
      data: { caseId, competent, document, requestId: metadata.correlationId ?? '' },
      metadata,
    };
    try {
      await runCommand(this.store, caseAccessDecider, streams.caseAccess(caseId), command, {
        retries: RECORD_RETRIES,
      });
    } catch (error) {
      if (isDomainError(error)) throw error;
      this.logger.error({ err: error, caseId }, 'a read of a document could not be recorded');
      throw new ApiProblem(
        503,
        'READ_NOT_RECORDED',
        'Read not recorded',
        'Every read of a case’s documents is recorded first, and recording this one failed; nothing was shown. Try again in a moment.',
      );
    }
    return { document, size, content: this.blobs.open(blobHash) };
  }
}
