import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { isCsv } from '@expediente/infra/receipts/csv';
import { CASE_STATUS_READ_MODEL, CaseStatusReadModel } from '@expediente/infra/case-status/case-status.port';
import { ApiProblem } from '../problem/api-problem';

/** Public: anyone holding a proof of receipt can check it against the register by its verification code. */
@ApiTags('verify')
@Controller('verify')
export class VerifyController {
  constructor(
    @Inject(CASE_STATUS_READ_MODEL) private readonly readModel: CaseStatusReadModel,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  @Get(':csv')
  async verify(@Param('csv') csv: string) {
    const receipt = await this.find(csv);
    return {
      csv,
      registryEntry: { number: receipt.registryNumber, registeredAt: receipt.registeredAt },
      facts: receipt.facts,
      pdfSha256: receipt.pdfHash,
      links: { pdf: `/verify/${csv}/receipt.pdf` },
    };
  }

  @Get(':csv/receipt.pdf')
  async pdf(@Param('csv') csv: string, @Res() res: Response) {
    const receipt = await this.find(csv);
    res.status(200).type('application/pdf');
    this.blobs.open(receipt.pdfHash).pipe(res);
  }

  private async find(csv: string) {
    const normalised = csv.toUpperCase().replace(/[\s-]/g, '');
    const receipt = isCsv(normalised) ? await this.readModel.receiptByCsv(normalised) : undefined;
    if (!receipt) {
      throw new ApiProblem(
        404,
        'UNKNOWN_VERIFICATION_CODE',
        'Unknown verification code',
        'No proof of receipt has this verification code (CSV). Check it was typed exactly as printed.',
      );
    }
    return receipt;
  }
}
