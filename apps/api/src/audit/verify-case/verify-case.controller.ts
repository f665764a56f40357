import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/roles.decorator';
import { Operation } from '../../openapi/operation.decorator';
import { parseBody } from '../../problem/parse-body';
import { verificationReport } from '../audit.schema';
import { VerifyCase } from './verify-case.handler';
import { verifyCaseQuery } from './verify-case.schema';

/** Auditors prove a case's history was not altered: its streams against their chains and the signed checkpoints. */
@ApiTags('audit')
@Roles('auditor')
@Controller('audit/verification')
export class VerifyCaseController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Operation({
    operationId: 'verifyCase',
    summary: 'Verify one case’s history',
    description:
      'Checks every stream of the case: hash chains, contiguous versions, and each event against the signed checkpoint that sealed it (position, stream head, a deleted or slipped-in event). Events after the last checkpoint are chain-checked and reported as not yet checkpointed. Findings are located: stream, version, position, event, checkpoint, expected against found.',
    response: verificationReport,
    refusals: [
      { status: 400, codes: ['VALIDATION_FAILED'] },
      { status: 403, codes: ['FORBIDDEN_ROLE'] },
      { status: 422, codes: ['UNSAFE_TEXT'] },
    ],
  })
  @ApiQuery({ name: 'caseId', required: true, schema: { type: 'string', maxLength: 100 } })
  verifyCase(@Query() query: unknown) {
    return this.queries.execute(new VerifyCase(parseBody(verifyCaseQuery, query).caseId));
  }
}
