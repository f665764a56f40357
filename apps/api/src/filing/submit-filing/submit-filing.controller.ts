import { Body, Controller, Headers, Param, Post, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { AuthGuard } from '../../identity/auth.guard';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { jsonSchemaOf } from '../../openapi/json-schema';
import { Operation, OperationSpec, Refusal } from '../../openapi/operation.decorator';
import { ApiProblem } from '../../problem/api-problem';
import { parseBody } from '../../problem/parse-body';
import { uuidParam } from '../../problem/uuid-param';
import { RateLimited } from '../../rate-limit/rate-limit.guard';
import { submissionReceipt, SubmissionReceipt } from '../filing.schema';
import type { FilingSlug } from '../procedures';
import { SubmitFiling } from './submit-filing.handler';
import { IDEMPOTENCY_KEY, submitFilingRequest } from './submit-filing.schema';

const submission = (...rules: string[]): Omit<OperationSpec, 'operationId' | 'summary'> => ({
  description:
    'Signs the draft and enters it in the electronic register: 201 with the register entry and the verification code (CSV) of the proof of receipt, which the worker renders (GET /cases/{caseId} says when it is ready). Every rule is checked before the SMS code is spent and before a register number is allocated. The same Idempotency-Key answers the same entry again (200), never a second case.',
  request: submitFilingRequest,
  response: submissionReceipt,
  status: 201,
  idempotencyKey: true,
  refusals: [
    { status: 400, codes: ['INVALID_ID', 'IDEMPOTENCY_KEY_REQUIRED'] },
    {
      status: 403,
      codes: [
        'NOT_THE_FILER',
        'LEVEL_OF_ASSURANCE_TOO_LOW',
        'SIGNATURE_OTP_REQUIRED',
        'REPRESENTATION_REQUIRED',
      ],
    },
    { status: 404, codes: ['CASE_NOT_FOUND'] },
    {
      status: 409,
      codes: ['ALREADY_SUBMITTED', 'ALREADY_WITHDRAWN', 'CONCURRENT_MODIFICATION', 'IDEMPOTENCY_KEY_REUSED'],
    },
    {
      status: 422,
      codes: [
        ...rules,
        'ATTACHMENTS_TOO_LARGE',
        'SIGNING_CODE_WRONG',
        'SIGNING_CODE_EXPIRED',
        'SIGNING_CODE_NOT_REQUESTED',
      ],
    },
    { status: 429, codes: ['RATE_LIMITED', 'SIGNING_CODE_ATTEMPTS_EXHAUSTED'] },
  ] satisfies Refusal[],
});

const Replayed = () =>
  ApiResponse({
    status: 200,
    description: 'Already submitted with this Idempotency-Key: the same entry and receipt again.',
    content: { 'application/json': { schema: jsonSchemaOf(submissionReceipt, 'output') } },
  });

@ApiTags('filings')
@UseGuards(AuthGuard)
@Controller('filings')
export class SubmitFilingController {
  constructor(private readonly commands: CommandBus) {}

  @Post('medical-reports/:caseId/submission')
  @RateLimited('submission')
  @Replayed()
  @Operation({
    operationId: 'submitMedicalReports',
    summary: 'Sign and register medical reports',
    ...submission('MEDICAL_REPORT_REQUIRED', 'NO_ACTIVE_BENEFIT_RECORD'),
  })
  submitMedicalReports(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.submit(principal, 'medical-reports', caseId, key, body, res);
  }

  @Post('entitlement-applications/:caseId/submission')
  @RateLimited('submission')
  @Replayed()
  @Operation({
    operationId: 'submitEntitlementApplication',
    summary: 'Sign and register an entitlement application',
    ...submission(
      'APPLICATION_FORM_REQUIRED',
      'REMARKS_NOT_ALLOWED_WITH_FORM',
      'BENEFICIARY_UNDER_THREE_MONTHS',
    ),
  })
  submitEntitlementApplication(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.submit(principal, 'entitlement-applications', caseId, key, body, res);
  }

  private async submit(
    principal: Principal,
    procedure: FilingSlug,
    caseId: string,
    key: string | undefined,
    body: unknown,
    res: Response,
  ): Promise<SubmissionReceipt> {
    if (!key || !IDEMPOTENCY_KEY.test(key)) {
      throw new ApiProblem(
        400,
        'IDEMPOTENCY_KEY_REQUIRED',
        'Idempotency-Key required',
        'Send an Idempotency-Key header (8–128 letters, digits, - or _) so a resubmission can never file twice.',
      );
    }
    const command = new SubmitFiling(principal, procedure, caseId, key, parseBody(submitFilingRequest, body));
    const { receipt, replayed } = await this.commands.execute(command);
    res.status(replayed ? 200 : 201);
    // The proof of receipt is rendered by the worker; GET /cases/{id} shows when it is ready.
    return {
      ...receipt,
      links: {
        status: `/cases/${caseId}`,
        receipt: `/cases/${caseId}/receipt`,
        verify: `/verify/${receipt.receiptCsv}`,
      },
    };
  }
}
