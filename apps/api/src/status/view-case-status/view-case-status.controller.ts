import { Controller, Get, Headers, Param, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { AuthGuard } from '../../identity/auth.guard';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Operation } from '../../openapi/operation.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { caseReadRefusals } from '../status.shared';
import { caseStatusView } from '../status.schema';
import { chosenLanguage, LanguageParams, languageRefusal } from '../status.language';
import { ViewCaseStatus } from './view-case-status.handler';

@ApiTags('status')
@UseGuards(AuthGuard)
@Controller('cases')
export class ViewCaseStatusController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':caseId')
  @Operation({
    operationId: 'viewCaseStatus',
    summary: 'Where a case stands',
    description:
      'The status of a case the caller filed, concerns them, or (with a power of attorney in force) their principal, through every step of its review and notification (the unit, never the reviewer); whether its proof of receipt is ready; what the caller must do next and by when. Anyone else’s case reads as not found.',
    response: caseStatusView,
    refusals: [...caseReadRefusals, languageRefusal],
  })
  @LanguageParams()
  viewCaseStatus(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentPrincipal() principal: Principal,
    @Query() query: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ) {
    return this.queries.execute(new ViewCaseStatus(principal, caseId, chosenLanguage(query, acceptLanguage)));
  }
}
