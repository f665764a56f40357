import { Controller, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { RateLimited } from '../../rate-limit/rate-limit.guard';
import { Operation } from '../../openapi/operation.decorator';
import { PARTY_REFUSALS } from '../information.shared';
import { UploadInformationDocument } from './upload-information-document.handler';
import { uploadInformationDocumentResponse } from './upload-information-document.schema';

@ApiTags('reviews')
@Roles('citizen')
@Controller('reviews/:caseId/information/documents')
export class UploadInformationDocumentController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @RateLimited('upload')
  @Operation({
    operationId: 'uploadInformationDocument',
    summary: 'Upload a document for the answer',
    description:
      'One document per request (multipart field `file`, optional `kind`: medical-report, supporting-document ' +
      'or other), kept as a server-side draft until the answer is sent. The answer’s documents share 10 MB; the ' +
      'type is decided by content, and a PDF must parse. Only while the case waits on the citizen.',
    request: 'multipart',
    response: uploadInformationDocumentResponse,
    status: 201,
    refusals: [
      ...PARTY_REFUSALS,
      { status: 400, codes: ['NO_FILE', 'TOO_MANY_FILES', 'MALFORMED_UPLOAD'] },
      { status: 403, codes: ['LEVEL_OF_ASSURANCE_TOO_LOW'] },
      {
        status: 409,
        codes: [
          'NOT_AWAITING_INFORMATION',
          'CASE_ALREADY_RESOLVED',
          'CASE_ALREADY_CLOSED',
          'ALREADY_WITHDRAWN',
        ],
      },
      { status: 413, codes: ['UPLOAD_TOO_LARGE'] },
      { status: 415, codes: ['UNSUPPORTED_FILE_TYPE', 'NOT_MULTIPART'] },
      {
        status: 422,
        codes: [
          'ATTACHMENTS_TOO_LARGE',
          'ATTACHMENT_ALREADY_ATTACHED',
          'ATTACHMENT_KIND_NOT_ALLOWED',
          'UNSAFE_FILENAME',
          'UNSAFE_TEXT',
          'UNREADABLE_DOCUMENT',
        ],
      },
      { status: 429, codes: ['RATE_LIMITED'] },
    ],
  })
  upload(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Req() req: Request,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.commandBus.execute(new UploadInformationDocument(principal, caseId, req));
  }
}
