import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/roles.decorator';
import { Operation } from '../../openapi/operation.decorator';
import { ZodQuery } from '../../openapi/parameters';
import { AUDIT_REFUSALS, parseAuditQuery } from '../audit.shared';
import { SearchActivity } from './search-activity.handler';
import { activityResponse, searchActivityQuery } from './search-activity.schema';

@ApiTags('audit')
@Roles('auditor')
@Controller('audit/activity')
export class SearchActivityController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Operation({
    operationId: 'searchActivity',
    summary: 'Who did what, and when',
    description:
      'Every recorded event, filtered by actor, case, event type and time range (all optional, combined), ' +
      'oldest first, a page at a time: pass the previous page’s `next` as `cursor`. Read from a projection ' +
      'of the log, so an event appears a moment after it is recorded. Auditors only.',
    response: activityResponse,
    refusals: AUDIT_REFUSALS,
  })
  @ZodQuery(searchActivityQuery)
  activity(@Query() query: unknown) {
    return this.queries.execute(new SearchActivity(parseAuditQuery(searchActivityQuery, query)));
  }
}
