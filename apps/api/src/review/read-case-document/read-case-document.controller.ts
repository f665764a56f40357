import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { contentDisposition } from '@expediente/infra/http/content-disposition';
import { Authenticated } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { blobHashParam } from '../../problem/blob-hash-param';
import { Operation } from '../../openapi/operation.decorator';
import { SHOWN_INLINE, STAFF_DOCUMENT_REFUSALS } from '../case-documents.shared';
import { ReadCaseDocument } from './read-case-document.handler';

@ApiTags('reviews')
@Authenticated()
@Controller('reviews/:caseId/documents/:blobHash')
export class ReadCaseDocumentController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Operation({
    operationId: 'readCaseDocument',
    summary: 'Open a document of a case',
    description:
      'The document’s bytes, with the type it was stored with: a PDF or an image is shown inline, anything else is downloaded. Each read is first recorded (who, in which role and unit, with which level of assurance, which document, when, under which request) for the auditors and the citizen; if it cannot be recorded nothing is served (503 READ_NOT_RECORDED). Anyone but the staff of the case’s unit gets 404, as for a case that does not exist.',
    response: {
      contentType: 'application/pdf',
      description: 'The document (application/pdf, image/jpeg, image/png or image/tiff).',
    },
    refusals: [
      ...STAFF_DOCUMENT_REFUSALS,
      { status: 404, codes: ['DOCUMENT_NOT_FOUND'] },
      { status: 503, codes: ['READ_NOT_RECORDED'] },
    ],
  })
  async document(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('blobHash', blobHashParam('blobHash')) blobHash: string,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ) {
    const { document, size, content } = await this.queryBus.execute(
      new ReadCaseDocument(principal, caseId, blobHash),
    );
    const inline = SHOWN_INLINE.includes(document.contentType);
    res.status(200);
    res.setHeader('Content-Type', document.contentType);
    res.setHeader('Content-Length', String(size));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader(
      'Content-Disposition',
      contentDisposition(inline ? 'inline' : 'attachment', document.filename),
    );
    content.pipe(res);
  }
}
