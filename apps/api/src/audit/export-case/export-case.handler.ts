import type { Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import { SEAL, Seal } from '@expediente/infra/seal/seal';
import {
  auditExportZip,
  buildAuditExport,
  CaseNotFoundForExport,
} from '@expediente/infra/audit-export/audit-export';
import { ApiProblem } from '../../problem/api-problem';
import type { ExportCaseQuery } from './export-case.schema';

export interface CaseExportFile {
  readonly fileName: string;
  readonly zip: Readable;
}

export class ExportCase extends Query<CaseExportFile> {
  constructor(
    readonly caseId: string,
    readonly query: ExportCaseQuery,
  ) {
    super();
  }
}

@QueryHandler(ExportCase)
export class ExportCaseHandler implements IQueryHandler<ExportCase> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(SEAL) private readonly seal: Seal,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ caseId, query }: ExportCase): Promise<CaseExportFile> {
    const range = {
      ...(query.from && { from: new Date(query.from) }),
      ...(query.to && { to: new Date(query.to) }),
    };
    try {
      const built = await buildAuditExport(
        { store: this.store, blobs: this.blobs, seal: this.seal },
        { kind: 'case', caseId, range, withDocuments: query.withDocuments === 'true' },
        this.clock.now(),
      );
      return { fileName: built.fileName, zip: auditExportZip(built) };
    } catch (error) {
      if (!(error instanceof CaseNotFoundForExport)) throw error;
      throw new ApiProblem(404, 'CASE_NOT_FOUND', 'No such case', error.message, { caseId });
    }
  }
}
