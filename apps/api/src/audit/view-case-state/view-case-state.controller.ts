import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/roles.decorator';
import { Operation } from '../../openapi/operation.decorator';
import { UuidPathParameter, ZodQuery } from '../../openapi/parameters';
import { uuidParam } from '../../problem/uuid-param';
import { CASE_REFUSALS, parseAuditQuery } from '../audit.shared';
import { ViewCaseState } from './view-case-state.handler';
import { caseStateResponse, viewCaseStateQuery } from './view-case-state.schema';

@ApiTags('audit')
@Roles('auditor')
@Controller('audit/cases/:caseId/state')
export class ViewCaseStateController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Operation({
    operationId: 'viewCaseState',
    summary: 'A case’s state at an instant or log position',
    description:
      'The case folded from its events up to `at` (recorded at or before that instant) or `position` (at or ' +
      'before that global log position), or up to now when neither is given, through the domain’s own evolve ' +
      'functions: filing, receipt, review, notifications, alerts, paper copy, powers, and what the citizen read then. Auditors only.',
    response: caseStateResponse,
    refusals: CASE_REFUSALS,
  })
  @UuidPathParameter('caseId', 'The case (its filing’s id).')
  @ZodQuery(viewCaseStateQuery)
  state(@Param('caseId', uuidParam('caseId')) caseId: string, @Query() query: unknown) {
    return this.queries.execute(new ViewCaseState(caseId, parseAuditQuery(viewCaseStateQuery, query)));
  }
}
