import { Controller, Get, Param, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { AuthGuard } from '../../identity/auth.guard';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Operation } from '../../openapi/operation.decorator';
import { ApiProblem } from '../../problem/api-problem';
import { uuidParam } from '../../problem/uuid-param';
import { caseReadRefusals } from '../status.shared';
import { DownloadProofOfReceipt } from './download-proof-of-receipt.handler';

@ApiTags('status')
@UseGuards(AuthGuard)
@Controller('cases')
export class DownloadProofOfReceiptController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':caseId/receipt')
  @Operation({
    operationId: 'downloadProofOfReceipt',
    summary: 'Download the proof of receipt',
    description:
      'The proof of receipt as a zip: the PDF receipt and the office’s signature over it (.p7s). 409 RECEIPT_PENDING with Retry-After while the worker is still preparing it.',
    response: { contentType: 'application/zip', description: 'justificante-<CSV>.zip' },
    refusals: [...caseReadRefusals, { status: 409, codes: ['RECEIPT_PENDING'] }],
  })
  async downloadProofOfReceipt(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ) {
    const receipt = await this.queries.execute(new DownloadProofOfReceipt(principal, caseId));
    if (!receipt.ready) {
      res.setHeader('Retry-After', '2');
      throw new ApiProblem(
        409,
        'RECEIPT_PENDING',
        'Proof of receipt not ready yet',
        'The proof of receipt is being prepared; try again in a few seconds.',
        { status: receipt.status },
      );
    }
    res.status(200).type('application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="justificante-${receipt.csv}.zip"`);
    receipt.zip.pipe(res);
  }
}
