import { Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import type { VerificationRun } from '@expediente/infra/log-integrity/verification-runs';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Roles } from '../../identity/roles.decorator';
import { Operation } from '../../openapi/operation.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { StartLogVerification, ViewLogVerification } from './verify-log.handler';
import { verificationRun } from './verify-log.schema';

const asResponse = (run: VerificationRun) => ({
  ...run,
  startedAt: run.startedAt.toISOString(),
  updatedAt: run.updatedAt.toISOString(),
  links: { self: `/audit/verifications/${run.id}` },
});

/** The whole log takes a while (about a million events in tens of seconds): started, then polled. */
@ApiTags('audit')
@Roles('auditor')
@Controller('audit/verifications')
export class VerifyLogController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Operation({
    operationId: 'startLogVerification',
    summary: 'Start verifying the whole log',
    description:
      'Starts a verification of every event against its hash chain and every signed checkpoint (Merkle root, count, stream heads, signature, time-stamp, the chain of checkpoints). Poll the returned link for progress and the report.',
    status: 202,
    response: verificationRun,
    refusals: [{ status: 403, codes: ['FORBIDDEN_ROLE'] }],
  })
  async startLogVerification(@CurrentPrincipal() principal: Principal) {
    return asResponse(await this.commands.execute(new StartLogVerification(principal.subject)));
  }

  @Get(':verificationId')
  @ApiParam({ name: 'verificationId', schema: { type: 'string', format: 'uuid' } })
  @Operation({
    operationId: 'viewLogVerification',
    summary: 'See a whole-log verification',
    description: 'Its progress while running; its report (every finding located) once done.',
    response: verificationRun,
    refusals: [
      { status: 400, codes: ['INVALID_ID'] },
      { status: 403, codes: ['FORBIDDEN_ROLE'] },
      { status: 404, codes: ['VERIFICATION_NOT_FOUND'] },
    ],
  })
  async viewLogVerification(@Param('verificationId', uuidParam('verificationId')) id: string) {
    return asResponse(await this.queries.execute(new ViewLogVerification(id)));
  }
}
