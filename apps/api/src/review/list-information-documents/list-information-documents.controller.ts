import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { Operation } from '../../openapi/operation.decorator';
import { PARTY_REFUSALS } from '../information.shared';
import { ListInformationDocuments } from './list-information-documents.handler';
import { listInformationDocumentsResponse } from './list-information-documents.schema';

@ApiTags('reviews')
@Roles('citizen')
@Controller('reviews/:caseId/information/documents')
export class ListInformationDocumentsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Operation({
    operationId: 'listInformationDocuments',
    summary: 'List the documents uploaded for the answer',
    description:
      'The documents this person has uploaded for the answer not yet sent, and what is left of its 10 MB.',
    response: listInformationDocumentsResponse,
    refusals: PARTY_REFUSALS,
  })
  documents(@Param('caseId', uuidParam('caseId')) caseId: string, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListInformationDocuments(principal, caseId));
  }
}
