import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { isCsv } from '@expediente/infra/receipts/csv';
import { CASE_STATUS_READ_MODEL, CaseStatusReadModel } from '@expediente/infra/case-status/case-status.port';
import { SQL_CLIENT, SqlClient } from '@expediente/infra/sql/sql-client';
import { issuedDocumentByCsv } from '@expediente/infra/verification/issued-documents';
import { ApiProblem } from '../problem/api-problem';

/** What a verification code (CSV) stands for: a proof of receipt or a resolution letter. */
interface Verified {
  readonly body: Record<string, unknown>;
  readonly pdfHash: string;
  readonly signatureHash: string;
}

/**
 * Public: anyone holding a document the office issued (a proof of receipt, a resolution
 * letter) checks it against the office's records by the CSV printed on it, and can fetch the
 * original and the seal's signature to compare.
 */
@ApiTags('verify')
@Controller('verify')
export class VerifyController {
  constructor(
    @Inject(CASE_STATUS_READ_MODEL) private readonly readModel: CaseStatusReadModel,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  @Get(':csv')
  async verify(@Param('csv') csv: string) {
    const found = await this.find(csv);
    return {
      ...found.body,
      pdfSha256: found.pdfHash,
      links: {
        pdf: `/verify/${found.body.csv}/document.pdf`,
        signature: `/verify/${found.body.csv}/document.pdf.p7s`,
      },
    };
  }

  @Get(':csv/document.pdf')
  async pdf(@Param('csv') csv: string, @Res() res: Response) {
    const found = await this.find(csv);
    res.status(200).type('application/pdf');
    this.blobs.open(found.pdfHash).pipe(res);
  }

  @Get(':csv/document.pdf.p7s')
  async signature(@Param('csv') csv: string, @Res() res: Response) {
    const found = await this.find(csv);
    res.status(200).type('application/pkcs7-signature');
    this.blobs.open(found.signatureHash).pipe(res);
  }

  private async find(typed: string): Promise<Verified> {
    const csv = typed.toUpperCase().replace(/[\s-]/g, '');
    if (isCsv(csv)) {
      const receipt = await this.readModel.receiptByCsv(csv);
      if (receipt) {
        return {
          body: {
            csv,
            kind: 'proof-of-receipt',
            registryEntry: { number: receipt.registryNumber, registeredAt: receipt.registeredAt },
            facts: receipt.facts,
          },
          pdfHash: receipt.pdfHash,
          signatureHash: receipt.p7sHash,
        };
      }
      const letter = await issuedDocumentByCsv(this.sql, csv);
      if (letter) {
        return {
          body: { csv, kind: letter.kind, caseId: letter.caseId, issuedAt: letter.issuedAt },
          pdfHash: letter.documentHash,
          signatureHash: letter.signatureHash,
        };
      }
    }
    throw new ApiProblem(
      404,
      'UNKNOWN_VERIFICATION_CODE',
      'Unknown verification code',
      'No document issued by this office has this verification code (CSV). Check it was typed exactly as printed.',
    );
  }
}
