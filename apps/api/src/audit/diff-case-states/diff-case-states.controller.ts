import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/roles.decorator';
import { Operation } from '../../openapi/operation.decorator';
import { UuidPathParameter, ZodQuery } from '../../openapi/parameters';
import { uuidParam } from '../../problem/uuid-param';
import { CASE_REFUSALS, parseAuditQuery } from '../audit.shared';
import { DiffCaseStates } from './diff-case-states.handler';
import { caseDiffResponse, diffCaseStatesQuery } from './diff-case-states.schema';

@ApiTags('audit')
@Roles('auditor')
@Controller('audit/cases/:caseId/diff')
export class DiffCaseStatesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Operation({
    operationId: 'diffCaseStates',
    summary: 'What changed in a case between two points',
    description:
      'The case’s state at `from` and at `to` (each a log position or an ISO instant), compared field by field ' +
      '(paths with the value before and after), with every event in between: its type, actor, role and level of ' +
      'assurance, and what it changed. Auditors only.',
    response: caseDiffResponse,
    refusals: CASE_REFUSALS,
  })
  @UuidPathParameter('caseId', 'The case (its filing’s id).')
  @ZodQuery(diffCaseStatesQuery)
  diff(@Param('caseId', uuidParam('caseId')) caseId: string, @Query() query: unknown) {
    return this.queries.execute(new DiffCaseStates(caseId, parseAuditQuery(diffCaseStatesQuery, query)));
  }
}
