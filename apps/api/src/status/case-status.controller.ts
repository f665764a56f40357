import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { AuthGuard } from '../identity/auth.guard';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { ApiProblem } from '../problem/api-problem';
import { CaseStatusQueries } from './case-status.queries';

/** What citizens (and their representatives) see of their cases at any time. */
@ApiTags('status')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller()
export class CaseStatusController {
  constructor(
    private readonly queries: CaseStatusQueries,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  @Get('me/cases')
  myCases(
    @CurrentPrincipal() principal: Principal,
    @Query('limit') limit?: string,
    @Query('before') before?: string,
  ) {
    const size = limit === undefined ? 20 : Number(limit);
    if (!Number.isInteger(size) || size < 1 || size > 100) {
      throw new ApiProblem(
        400,
        'INVALID_LIMIT',
        'Invalid limit',
        'limit must be a whole number from 1 to 100.',
      );
    }
    if (before !== undefined && Number.isNaN(Date.parse(before))) {
      throw new ApiProblem(
        400,
        'INVALID_CURSOR',
        'Invalid cursor',
        'before must be the "next" value of a previous page.',
      );
    }
    return this.queries.myCases(principal.subject, size, before);
  }

  @Get('cases/:caseId')
  caseStatus(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.caseFor(principal.subject, caseId);
  }

  @Get('cases/:caseId/timeline')
  timeline(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.timeline(principal.subject, caseId);
  }

  @Get('cases/:caseId/receipt')
  async receipt(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ) {
    const status = await this.queries.caseFor(principal.subject, caseId);
    const receipt = await this.queries.receiptOfCase(caseId);
    if (!receipt) {
      res.setHeader('Retry-After', '2');
      throw new ApiProblem(
        409,
        'RECEIPT_PENDING',
        'Proof of receipt not ready yet',
        'The proof of receipt is being prepared; try again in a few seconds.',
        {
          status: status.receipt.status,
        },
      );
    }
    res.status(200).type('application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="justificante-${receipt.csv}.zip"`);
    this.blobs.open(receipt.zip_hash).pipe(res);
  }
}
