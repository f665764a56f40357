import { Body, Controller, Post, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { AuthGuard } from '../../identity/auth.guard';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Operation, Refusal } from '../../openapi/operation.decorator';
import { parseBody } from '../../problem/parse-body';
import { draftVersion } from '../filing.schema';
import { CreateDraft } from './create-draft.handler';
import {
  createEntitlementApplicationDraftRequest,
  createMedicalReportsDraftRequest,
  NewDraft,
} from './create-draft.schema';

const refusals = (...validation: string[]): Refusal[] => [
  { status: 403, codes: ['LEVEL_OF_ASSURANCE_TOO_LOW'] },
  { status: 409, codes: ['CASE_ALREADY_EXISTS'] },
  { status: 422, codes: ['INVALID_IDENTITY_NUMBER', 'UNKNOWN_PROVINCE', ...validation] },
];

/** A new unsigned draft, kept server-side until it is signed: a session that times out loses nothing. */
@ApiTags('filings')
@UseGuards(AuthGuard)
@Controller('filings')
export class CreateDraftController {
  constructor(private readonly commands: CommandBus) {}

  @Post('medical-reports')
  @Operation({
    operationId: 'createMedicalReportsDraft',
    summary: 'Start a draft of updated medical reports',
    description:
      'Creates an unsigned draft of medical reports for a benefit request under evaluation, addressed to a province. The ETag is the draft version to send back as If-Match; Location is the draft.',
    request: createMedicalReportsDraftRequest,
    response: draftVersion,
    status: 201,
    etag: true,
    refusals: refusals('BENEFIT_REQUEST_REF_REQUIRED'),
  })
  createMedicalReportsDraft(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const draft = {
      procedure: 'medical-reports',
      body: parseBody(createMedicalReportsDraftRequest, body),
    } as const;
    return this.create(principal, draft, res);
  }

  @Post('entitlement-applications')
  @Operation({
    operationId: 'createEntitlementApplicationDraft',
    summary: 'Start a draft of a medical-assistance entitlement application',
    description:
      'Creates an unsigned draft of an entitlement application for a holder and their beneficiaries, addressed to a processing province. The ETag is the draft version to send back as If-Match; Location is the draft.',
    request: createEntitlementApplicationDraftRequest,
    response: draftVersion,
    status: 201,
    etag: true,
    refusals: refusals('INVALID_BENEFICIARY', 'INVALID_DATE'),
  })
  createEntitlementApplicationDraft(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const draft = {
      procedure: 'entitlement-applications',
      body: parseBody(createEntitlementApplicationDraftRequest, body),
    } as const;
    return this.create(principal, draft, res);
  }

  private async create(principal: Principal, draft: NewDraft, res: Response) {
    const created = await this.commands.execute(new CreateDraft(principal, draft));
    res
      .setHeader('ETag', `"${created.version}"`)
      .setHeader('Location', `/filings/${draft.procedure}/${created.caseId}`);
    return created;
  }
}
