import { Controller, Param, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { AuthGuard } from '../../identity/auth.guard';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Operation, OperationSpec } from '../../openapi/operation.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { RateLimited } from '../../rate-limit/rate-limit.guard';
import { AttachDocument } from './attach-document.handler';
import { attachDocumentResponse } from './attach-document.schema';

const upload = (kinds: string): Omit<OperationSpec, 'operationId' | 'summary'> => ({
  description: `Uploads one document (multipart/form-data: \`file\`, optional \`kind\`: ${kinds}) to a draft. Its type is decided by its content; the domain judges it (kind, duplicate, the 10 MB total) before it is kept, so a refused upload keeps nothing.`,
  request: 'multipart',
  response: attachDocumentResponse,
  status: 201,
  refusals: [
    { status: 400, codes: ['INVALID_ID', 'NO_FILE', 'TOO_MANY_FILES', 'MALFORMED_UPLOAD'] },
    { status: 403, codes: ['NOT_THE_FILER'] },
    { status: 404, codes: ['CASE_NOT_FOUND'] },
    {
      status: 409,
      codes: [
        'ALREADY_SUBMITTED',
        'ALREADY_WITHDRAWN',
        'ATTACHMENT_ALREADY_ATTACHED',
        'CONCURRENT_MODIFICATION',
      ],
    },
    { status: 413, codes: ['UPLOAD_TOO_LARGE'] },
    { status: 415, codes: ['UNSUPPORTED_FILE_TYPE', 'NOT_MULTIPART'] },
    {
      status: 422,
      codes: [
        'ATTACHMENT_KIND_NOT_ALLOWED',
        'ATTACHMENTS_TOO_LARGE',
        'INVALID_ATTACHMENT',
        'UNSAFE_FILENAME',
        'UNSAFE_TEXT',
        'UNREADABLE_DOCUMENT',
      ],
    },
    { status: 429, codes: ['RATE_LIMITED'] },
  ],
});

@ApiTags('filings')
@UseGuards(AuthGuard)
@Controller('filings')
export class AttachDocumentController {
  constructor(private readonly commands: CommandBus) {}

  @Post('medical-reports/:caseId/attachments')
  @RateLimited('upload')
  @Operation({
    operationId: 'attachMedicalReportsDocument',
    summary: 'Attach a document to a medical-reports draft',
    ...upload('medical-report (default) or representation'),
  })
  attachMedicalReportsDocument(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Req() req: Request,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.commands.execute(new AttachDocument(principal, 'medical-reports', caseId, req));
  }

  @Post('entitlement-applications/:caseId/attachments')
  @RateLimited('upload')
  @Operation({
    operationId: 'attachEntitlementApplicationDocument',
    summary: 'Attach a document to an entitlement-application draft',
    ...upload('application-form, supporting-document (default) or representation'),
  })
  attachEntitlementApplicationDocument(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Req() req: Request,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.commands.execute(new AttachDocument(principal, 'entitlement-applications', caseId, req));
  }
}
