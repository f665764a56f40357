import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Operation, Refusal } from '../../openapi/operation.decorator';
import { VerifyDocument } from './verify-document.handler';
import { verification } from './verify-document.schema';

const refusals: Refusal[] = [{ status: 404, codes: ['UNKNOWN_VERIFICATION_CODE'] }];
const CsvParam = () =>
  ApiParam({
    name: 'csv',
    description: 'The verification code (CSV) printed on the document, with or without its dashes.',
    example: 'K7Q2-M9X4-B3H8-P5T1',
  });

/**
 * Public: anyone holding a document the office issued (a proof of receipt, a resolution
 * letter) checks it against the office's records by the CSV printed on it, and can fetch the
 * original and the seal's signature to compare.
 */
@ApiTags('verify')
@Controller('verify')
export class VerifyDocumentController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':csv')
  @CsvParam()
  @Operation({
    operationId: 'verifyDocument',
    summary: 'Check a document by its verification code',
    description:
      'What the office issued under this CSV: its kind, register entry or case, and the original’s sha-256.',
    public: true,
    response: verification,
    refusals,
  })
  async verifyDocument(@Param('csv') csv: string) {
    const found = await this.queries.execute(new VerifyDocument(csv));
    return {
      ...found.body,
      pdfSha256: found.pdfSha256,
      links: {
        pdf: `/verify/${found.body.csv}/document.pdf`,
        signature: `/verify/${found.body.csv}/document.pdf.p7s`,
      },
    };
  }

  @Get(':csv/document.pdf')
  @CsvParam()
  @Operation({
    operationId: 'downloadVerifiedDocument',
    summary: 'Download the original of a verified document',
    description: 'The PDF the office issued under this CSV, byte for byte.',
    public: true,
    response: { contentType: 'application/pdf', description: 'The original PDF.' },
    refusals,
  })
  async downloadVerifiedDocument(@Param('csv') csv: string, @Res() res: Response) {
    const found = await this.queries.execute(new VerifyDocument(csv));
    res.status(200).type('application/pdf');
    found.pdf().pipe(res);
  }

  @Get(':csv/document.pdf.p7s')
  @CsvParam()
  @Operation({
    operationId: 'downloadVerifiedDocumentSignature',
    summary: 'Download the office’s signature over a verified document',
    description: 'The detached CMS signature (.p7s) of the original PDF, to check with any CMS tool.',
    public: true,
    response: { contentType: 'application/pkcs7-signature', description: 'The detached signature.' },
    refusals,
  })
  async downloadVerifiedDocumentSignature(@Param('csv') csv: string, @Res() res: Response) {
    const found = await this.queries.execute(new VerifyDocument(csv));
    res.status(200).type('application/pkcs7-signature');
    found.signature().pipe(res);
  }
}
