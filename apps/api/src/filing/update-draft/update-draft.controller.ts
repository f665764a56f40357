import { Body, Controller, Headers, Param, Patch, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { AuthGuard } from '../../identity/auth.guard';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Operation, Refusal } from '../../openapi/operation.decorator';
import { parseBody } from '../../problem/parse-body';
import { uuidParam } from '../../problem/uuid-param';
import { draftVersion } from '../filing.schema';
import { parseIfMatch } from '../../problem/if-match';
import { UpdateDraft } from './update-draft.handler';
import {
  DraftUpdate,
  updateEntitlementApplicationDraftRequest,
  updateMedicalReportsDraftRequest,
} from './update-draft.schema';

const refusals = (...validation: string[]): Refusal[] => [
  { status: 400, codes: ['INVALID_ID', 'INVALID_IF_MATCH'] },
  { status: 403, codes: ['NOT_THE_FILER'] },
  { status: 404, codes: ['CASE_NOT_FOUND'] },
  { status: 409, codes: ['ALREADY_SUBMITTED', 'ALREADY_WITHDRAWN', 'CONCURRENT_MODIFICATION'] },
  { status: 422, codes: ['UNKNOWN_PROVINCE', ...validation] },
];
const description = (what: string) =>
  `Changes ${what} of an unsigned draft; omitted fields keep their value. With If-Match, only the version the client edited is changed (409 CONCURRENT_MODIFICATION otherwise). The ETag is the new version.`;

@ApiTags('filings')
@UseGuards(AuthGuard)
@Controller('filings')
export class UpdateDraftController {
  constructor(private readonly commands: CommandBus) {}

  @Patch('medical-reports/:caseId')
  @Operation({
    operationId: 'updateMedicalReportsDraft',
    summary: 'Change a medical-reports draft',
    description: description('the benefit request or the province'),
    request: updateMedicalReportsDraftRequest,
    response: draftVersion,
    ifMatch: 'optional',
    etag: true,
    refusals: refusals('BENEFIT_REQUEST_REF_REQUIRED'),
  })
  updateMedicalReportsDraft(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const update = {
      procedure: 'medical-reports',
      body: parseBody(updateMedicalReportsDraftRequest, body),
    } as const;
    return this.update(principal, caseId, update, ifMatch, res);
  }

  @Patch('entitlement-applications/:caseId')
  @Operation({
    operationId: 'updateEntitlementApplicationDraft',
    summary: 'Change an entitlement-application draft',
    description: description('the province, beneficiaries, remarks or paper opt-out'),
    request: updateEntitlementApplicationDraftRequest,
    response: draftVersion,
    ifMatch: 'optional',
    etag: true,
    refusals: refusals('INVALID_BENEFICIARY', 'INVALID_DATE', 'REMARKS_NOT_ALLOWED_WITH_FORM'),
  })
  updateEntitlementApplicationDraft(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const update = {
      procedure: 'entitlement-applications',
      body: parseBody(updateEntitlementApplicationDraftRequest, body),
    } as const;
    return this.update(principal, caseId, update, ifMatch, res);
  }

  private async update(
    principal: Principal,
    caseId: string,
    update: DraftUpdate,
    ifMatch: string | undefined,
    res: Response,
  ) {
    const draft = await this.commands.execute(
      new UpdateDraft(principal, caseId, update, parseIfMatch(ifMatch)),
    );
    res.setHeader('ETag', `"${draft.version}"`);
    return draft;
  }
}
