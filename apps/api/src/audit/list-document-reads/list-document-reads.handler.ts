import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { SQL_CLIENT, SqlClient } from '@expediente/infra/sql/sql-client';
import { DocumentReadPage, documentReads } from '@expediente/infra/case-access/document-reads';
import type { ListDocumentReadsQuery } from './list-document-reads.schema';

export class ListDocumentReads extends Query<DocumentReadPage> {
  constructor(readonly query: ListDocumentReadsQuery) {
    super();
  }
}

/** The recorded reads of case documents, oldest first, a page at a time. */
@QueryHandler(ListDocumentReads)
export class ListDocumentReadsHandler implements IQueryHandler<ListDocumentReads> {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  execute({ query }: ListDocumentReads): Promise<DocumentReadPage> {
    const { caseId, actor, from, to, limit, cursor } = query;
    return documentReads(
      this.sql,
      {
        caseId,
        readerId: actor,
        from: from === undefined ? undefined : new Date(from),
        to: to === undefined ? undefined : new Date(to),
      },
      { limit, cursor },
    );
  }
}
