import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { parseBody } from '../../problem/parse-body';
import { uuidParam } from '../../problem/uuid-param';
import { Operation } from '../../openapi/operation.decorator';
import { withdrawalRequest } from '../../case-lifecycle/withdrawal.schema';
import { CONCURRENCY_REFUSAL, reviewOutcomeSchema } from '../review.shared';
import { PARTY_REFUSALS } from '../information.shared';
import { WithdrawReview } from './withdraw-review.handler';

@ApiTags('reviews')
@Roles('citizen')
@Controller('reviews/:caseId/withdrawal')
export class WithdrawReviewController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Operation({
    operationId: 'withdrawReview',
    summary: 'Withdraw the case under review',
    description:
      'The filer withdraws the whole case before it is resolved, never after: the review closes and leaves every ' +
      'queue, and the filing records the withdrawal too. Asking again completes a withdrawal cut short.',
    request: withdrawalRequest,
    response: reviewOutcomeSchema,
    refusals: [
      ...PARTY_REFUSALS,
      { status: 403, codes: ['NOT_YOUR_CASE', 'NOT_THE_FILER', 'LEVEL_OF_ASSURANCE_TOO_LOW'] },
      {
        status: 409,
        codes: ['CASE_ALREADY_RESOLVED', 'CASE_ALREADY_CLOSED', 'ALREADY_WITHDRAWN', 'NOT_SUBMITTED'],
      },
      CONCURRENCY_REFUSAL,
    ],
  })
  withdraw(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.commandBus.execute(
      new WithdrawReview(principal, caseId, parseBody(withdrawalRequest, body).reason),
    );
  }
}
