import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/roles.decorator';
import { Operation } from '../../openapi/operation.decorator';
import { UuidPathParameter, ZodQuery } from '../../openapi/parameters';
import { uuidParam } from '../../problem/uuid-param';
import { CASE_REFUSALS, parseAuditQuery } from '../audit.shared';
import { ViewCaseHistory } from './view-case-history.handler';
import { caseHistoryResponse, viewCaseHistoryQuery } from './view-case-history.schema';

@ApiTags('audit')
@Roles('auditor')
@Controller('audit/cases/:caseId/history')
export class ViewCaseHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Operation({
    operationId: 'viewCaseHistory',
    summary: 'A case’s raw history',
    description:
      'Every event of every stream that makes up the case (filing, proof of receipt, review, notifications, ' +
      'alerts, paper copy, powers of attorney it relied on), each with its whole envelope as stored, merged in ' +
      'global log order, a page at a time: pass the previous page’s `next` as `cursor`. Auditors only.',
    response: caseHistoryResponse,
    refusals: CASE_REFUSALS,
  })
  @UuidPathParameter('caseId', 'The case (its filing’s id).')
  @ZodQuery(viewCaseHistoryQuery)
  history(@Param('caseId', uuidParam('caseId')) caseId: string, @Query() query: unknown) {
    return this.queries.execute(new ViewCaseHistory(caseId, parseAuditQuery(viewCaseHistoryQuery, query)));
  }
}
