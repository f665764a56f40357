import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../identity/roles.decorator';
import { Operation } from '../../openapi/operation.decorator';
import { UuidPathParameter, ZodQuery } from '../../openapi/parameters';
import { parseBody } from '../../problem/parse-body';
import { uuidParam } from '../../problem/uuid-param';
import { ExportCase } from './export-case.handler';
import { exportCaseQuery } from './export-case.schema';

@ApiTags('audit')
@Roles('auditor')
@Controller('audit/cases')
export class ExportCaseController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':caseId/export')
  @Operation({
    operationId: 'exportCaseForAudit',
    summary: 'Export a case, sealed, for audit',
    description:
      'One zip holding every event of every stream of the case as stored (events.jsonl, with each ' +
      'event’s hash chain), the ENI index of its documents with their SHA-256 (index.json), the ' +
      'seal’s detached signature over the index (index.json.p7s) and the seal certificate, so that ' +
      '`npm run verify-export` checks it offline with nothing else. `withDocuments=true` adds the ' +
      'documents’ bytes; `from`/`to` narrow it to the events recorded in that range.',
    response: { contentType: 'application/zip', description: 'expediente-<caseId>-<time>.zip' },
    refusals: [
      { status: 400, codes: ['INVALID_ID', 'VALIDATION_FAILED'] },
      { status: 403, codes: ['FORBIDDEN_ROLE'] },
      { status: 404, codes: ['CASE_NOT_FOUND'] },
    ],
  })
  @UuidPathParameter('caseId', 'The case to export.')
  @ZodQuery(exportCaseQuery)
  async exportCase(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Query() query: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.queries.execute(new ExportCase(caseId, parseBody(exportCaseQuery, query)));
    res.status(200).type('application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    file.zip.pipe(res);
  }
}
