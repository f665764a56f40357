import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../identity/roles.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { parseBody } from '../problem/parse-body';
import { uuidParam } from '../problem/uuid-param';
import { blobHashParam } from '../problem/blob-hash-param';
import { provideInformationRequest, withdrawalRequest } from './review.requests';
import { InformationService } from './information.service';
import { DocumentUpload, ZodBody } from '../problem/zod-body.decorator';
import { RateLimited } from '../rate-limit/rate-limit.guard';

/** The citizen's side of a review: answering an information request (signed) and withdrawing. */
@ApiTags('reviews')
@Roles('citizen')
@Controller('reviews/:caseId')
export class InformationController {
  constructor(private readonly information: InformationService) {}

  /** One document per request (multipart field `file`, optional `kind`), within the answer's 10 MB. */
  @Post('information/documents')
  @DocumentUpload()
  @RateLimited('upload')
  upload(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Req() req: Request,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.information.upload(principal, caseId, req);
  }

  @Get('information/documents')
  documents(@Param('caseId', uuidParam('caseId')) caseId: string, @CurrentPrincipal() principal: Principal) {
    return this.information.documents(principal, caseId);
  }

  @Delete('information/documents/:blobHash')
  @HttpCode(204)
  removeDocument(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('blobHash', blobHashParam('blobHash')) blobHash: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.information.removeDocument(principal, caseId, blobHash);
  }

  @Post('information/signing-code')
  @HttpCode(202)
  requestSigningCode(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.information.requestSigningCode(principal, caseId);
  }

  @Post('information')
  @ZodBody(provideInformationRequest)
  @RateLimited('submission')
  provide(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.information.provide(principal, caseId, parseBody(provideInformationRequest, body));
  }

  @Post('withdrawal')
  @HttpCode(200)
  @ZodBody(withdrawalRequest)
  withdraw(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.information.withdraw(principal, caseId, parseBody(withdrawalRequest, body).reason);
  }
}
