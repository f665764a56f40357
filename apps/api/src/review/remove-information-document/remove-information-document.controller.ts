import { Controller, Delete, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { blobHashParam } from '../../problem/blob-hash-param';
import { Operation } from '../../openapi/operation.decorator';
import { PARTY_REFUSALS } from '../information.shared';
import { RemoveInformationDocument } from './remove-information-document.handler';

@ApiTags('reviews')
@Roles('citizen')
@Controller('reviews/:caseId/information/documents/:blobHash')
export class RemoveInformationDocumentController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete()
  @Operation({
    operationId: 'removeInformationDocument',
    summary: 'Remove an uploaded document from the answer',
    description: 'Takes a document out of the answer not yet sent, freeing its share of the 10 MB.',
    status: 204,
    refusals: [...PARTY_REFUSALS, { status: 404, codes: ['DOCUMENT_NOT_FOUND'] }],
  })
  removeDocument(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('blobHash', blobHashParam('blobHash')) blobHash: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.commandBus.execute(new RemoveInformationDocument(principal, caseId, blobHash));
  }
}
