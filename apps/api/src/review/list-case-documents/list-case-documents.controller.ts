import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Authenticated } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { Operation } from '../../openapi/operation.decorator';
import { STAFF_DOCUMENT_REFUSALS } from '../case-documents.shared';
import { ListCaseDocuments } from './list-case-documents.handler';
import { listCaseDocumentsResponse } from './list-case-documents.schema';

// No @Roles: a citizen, an auditor or another unit gets the 404 of a case that does not exist, never a 403.
@ApiTags('reviews')
@Authenticated()
@Controller('reviews/:caseId/documents')
export class ListCaseDocumentsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Operation({
    operationId: 'listCaseDocuments',
    summary: 'List every document of a case',
    description:
      'For reviewers and supervisors of the unit the case is routed to: the filing’s attachments, the documents the citizen provided later, and the proof of receipt and resolution issued, in the order they came, with the step that provided each. Anyone else gets 404, as for a case that does not exist.',
    response: listCaseDocumentsResponse,
    refusals: STAFF_DOCUMENT_REFUSALS,
  })
  documents(@Param('caseId', uuidParam('caseId')) caseId: string, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListCaseDocuments(principal, caseId));
  }
}
