import { Controller, Get, Inject, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { mayReadCase, NotFound, PROCEDURES } from '@expediente/domain';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import {
  CASE_STATUS_READ_MODEL,
  CaseStatusReadModel,
  decodeCaseCursor,
} from '@expediente/infra/case-status/case-status.port';
import { AuthGuard } from '../identity/auth.guard';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { ApiProblem } from '../problem/api-problem';
import { parseBody } from '../problem/parse-body';
import { uuidParam } from '../problem/uuid-param';
import { actorOf } from '../commands/command-context';
import { powersBetween } from '../powers/powers-between';

const myCasesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z
    .string()
    .refine((cursor) => decodeCaseCursor(cursor) !== undefined, 'must be the "next" value of a previous page')
    .optional(),
});

/** What citizens (and their representatives) see of their cases at any time. */
@ApiTags('status')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller()
export class CaseStatusController {
  constructor(
    @Inject(CASE_STATUS_READ_MODEL) private readonly readModel: CaseStatusReadModel,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('me/cases')
  myCases(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.readModel.myCases(principal.subject, parseBody(myCasesQuery, query));
  }

  @Get('cases/:caseId')
  caseStatus(@Param('caseId', uuidParam('caseId')) caseId: string, @CurrentPrincipal() principal: Principal) {
    return this.visibleCase(principal, caseId);
  }

  @Get('cases/:caseId/timeline')
  async timeline(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    await this.visibleCase(principal, caseId);
    return this.readModel.timeline(caseId);
  }

  @Get('cases/:caseId/receipt')
  async receipt(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ) {
    const status = await this.visibleCase(principal, caseId);
    const receipt = await this.readModel.receiptOfCase(caseId);
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
    this.blobs.open(receipt.zipHash).pipe(res);
  }

  /**
   * The read model finds the case; the domain judges the session asking now (identity, role,
   * level of assurance, powers as they stand on their own streams) on every read.
   */
  private async visibleCase(principal: Principal, caseId: string) {
    const status = await this.readModel.caseFor(principal.subject, caseId);
    const procedure = PROCEDURES.find((known) => known === status?.procedure);
    // Someone else's case reads as missing: its existence is not ours to reveal.
    if (!status || !procedure) {
      throw new NotFound('CASE_NOT_FOUND', `There is no case ${caseId} you can see.`, { caseId });
    }
    const { filer, subject } = status;
    const powers = [filer, subject].includes(principal.subject)
      ? []
      : await powersBetween(this.store, this.readModel, subject, principal.subject);
    mayReadCase(actorOf(principal), { caseId, filer, subject, procedure }, powers, this.clock.now());
    return status;
  }
}
