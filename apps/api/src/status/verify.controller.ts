import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { isCsv } from '@expediente/infra/receipts/csv';
import { ApiProblem } from '../problem/api-problem';
import { CaseStatusQueries } from './case-status.queries';

/** Public: anyone holding a proof of receipt can check it against the register by its verification code. */
@ApiTags('verify')
@Controller('verify')
export class VerifyController {
  constructor(
    private readonly queries: CaseStatusQueries,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  @Get(':csv')
  async verify(@Param('csv') csv: string) {
    const receipt = await this.find(csv);
    return {
      csv,
      registryEntry: { number: receipt.registry_number, registeredAt: receipt.registered_at },
      facts: receipt.facts,
      pdfSha256: receipt.pdf_hash,
      links: { pdf: `/verify/${csv}/receipt.pdf` },
    };
  }

  @Get(':csv/receipt.pdf')
  async pdf(@Param('csv') csv: string, @Res() res: Response) {
    const receipt = await this.find(csv);
    res.status(200).type('application/pdf');
    this.blobs.open(receipt.pdf_hash).pipe(res);
  }

  private async find(csv: string) {
    const normalised = csv.toUpperCase().replace(/[\s-]/g, '');
    const receipt = isCsv(normalised) ? await this.queries.receiptByCsv(normalised) : undefined;
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
