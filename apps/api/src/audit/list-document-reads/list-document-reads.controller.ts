import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/roles.decorator';
import { parseBody } from '../../problem/parse-body';
import { Operation } from '../../openapi/operation.decorator';
import { ZodQuery } from '../../openapi/parameters';
import { ListDocumentReads } from './list-document-reads.handler';
import { listDocumentReadsQuery, listDocumentReadsResponse } from './list-document-reads.schema';

@ApiTags('audit')
@Roles('auditor')
@Controller('audit/document-reads')
export class ListDocumentReadsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Operation({
    operationId: 'listDocumentReads',
    summary: 'Every recorded read of a case’s documents',
    description:
      'For auditors: who (person, role, unit, level of assurance) opened which document of which case, when and under which request, oldest first, filtered by case, person and time. Kept from the DocumentRead events of the log (stream case-access-<caseId>), whose position and hash each item gives; pass the previous page’s `next` as `cursor`.',
    response: listDocumentReadsResponse,
    refusals: [
      { status: 403, codes: ['FORBIDDEN_ROLE'] },
      { status: 400, codes: ['VALIDATION_FAILED'] },
      { status: 422, codes: ['UNSAFE_TEXT'] },
    ],
  })
  @ZodQuery(listDocumentReadsQuery)
  reads(@Query() query: unknown) {
    return this.queryBus.execute(new ListDocumentReads(parseBody(listDocumentReadsQuery, query)));
  }
}
