import { Controller, Delete, Param, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { AuthGuard } from '../../identity/auth.guard';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Operation, OperationSpec } from '../../openapi/operation.decorator';
import { blobHashParam } from '../../problem/blob-hash-param';
import { uuidParam } from '../../problem/uuid-param';
import { draftVersion } from '../filing.schema';
import { RemoveDocument } from './remove-document.handler';

const removal: Omit<OperationSpec, 'operationId' | 'summary'> = {
  description: 'Takes a document, named by the blobHash its upload returned, out of an unsigned draft.',
  response: draftVersion,
  refusals: [
    { status: 400, codes: ['INVALID_ID'] },
    { status: 403, codes: ['NOT_THE_FILER'] },
    { status: 404, codes: ['CASE_NOT_FOUND', 'ATTACHMENT_NOT_FOUND'] },
    { status: 409, codes: ['ALREADY_SUBMITTED', 'ALREADY_WITHDRAWN', 'CONCURRENT_MODIFICATION'] },
  ],
};

@ApiTags('filings')
@UseGuards(AuthGuard)
@Controller('filings')
export class RemoveDocumentController {
  constructor(private readonly commands: CommandBus) {}

  @Delete('medical-reports/:caseId/attachments/:blobHash')
  @Operation({
    operationId: 'removeMedicalReportsDocument',
    summary: 'Remove a document from a medical-reports draft',
    ...removal,
  })
  removeMedicalReportsDocument(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('blobHash', blobHashParam('blobHash')) blobHash: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.commands.execute(new RemoveDocument(principal, 'medical-reports', caseId, blobHash));
  }

  @Delete('entitlement-applications/:caseId/attachments/:blobHash')
  @Operation({
    operationId: 'removeEntitlementApplicationDocument',
    summary: 'Remove a document from an entitlement-application draft',
    ...removal,
  })
  removeEntitlementApplicationDocument(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('blobHash', blobHashParam('blobHash')) blobHash: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.commands.execute(new RemoveDocument(principal, 'entitlement-applications', caseId, blobHash));
  }
}
