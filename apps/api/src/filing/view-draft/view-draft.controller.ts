import { Controller, Get, Param, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { AuthGuard } from '../../identity/auth.guard';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Operation, Refusal } from '../../openapi/operation.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { entitlementApplicationView, medicalReportsView } from '../filing.schema';
import type { FilingSlug } from '../procedures';
import { ViewDraft } from './view-draft.handler';

const refusals: Refusal[] = [
  { status: 400, codes: ['INVALID_ID'] },
  { status: 403, codes: ['NOT_THE_FILER', 'LEVEL_OF_ASSURANCE_TOO_LOW'] },
  { status: 404, codes: ['CASE_NOT_FOUND'] },
];
const description =
  'The filing as its filer left it: the draft, its documents and, once submitted, the register entry. Only the filer reads it here; others follow the case through /cases/{caseId}. The ETag is the version to send back as If-Match.';

@ApiTags('filings')
@UseGuards(AuthGuard)
@Controller('filings')
export class ViewDraftController {
  constructor(private readonly queries: QueryBus) {}

  @Get('medical-reports/:caseId')
  @Operation({
    operationId: 'viewMedicalReportsDraft',
    summary: 'Read a medical-reports filing',
    description,
    response: medicalReportsView,
    etag: true,
    refusals,
  })
  viewMedicalReportsDraft(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.view(principal, 'medical-reports', caseId, res);
  }

  @Get('entitlement-applications/:caseId')
  @Operation({
    operationId: 'viewEntitlementApplicationDraft',
    summary: 'Read an entitlement-application filing',
    description,
    response: entitlementApplicationView,
    etag: true,
    refusals,
  })
  viewEntitlementApplicationDraft(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.view(principal, 'entitlement-applications', caseId, res);
  }

  private async view(principal: Principal, procedure: FilingSlug, caseId: string, res: Response) {
    const filing = await this.queries.execute(new ViewDraft(principal, procedure, caseId));
    res.setHeader('ETag', `"${filing.version}"`);
    return filing;
  }
}
