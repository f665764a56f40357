import { Inject, Injectable } from '@nestjs/common';
import { isDomainError, mayReadCase, NotFound, PROCEDURES } from '@expediente/domain';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import {
  CASE_STATUS_READ_MODEL,
  CaseStatusReadModel,
  CaseStatusView,
} from '@expediente/infra/case-status/case-status.port';
import { actorOf } from '../commands/command-context';
import { powersBetween } from '../powers/powers-between';
import { isStaff, Reviews } from '../review/review.shared';

const caseNotFound = (caseId: string) =>
  new NotFound('CASE_NOT_FOUND', `There is no case ${caseId} you can see.`, { caseId });

/**
 * The read model finds the case; the domain judges the session asking now (identity, role,
 * level of assurance, powers as they stand on their own streams) on every read.
 */
@Injectable()
export class VisibleCases {
  constructor(
    @Inject(CASE_STATUS_READ_MODEL) private readonly readModel: CaseStatusReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reviews: Reviews,
  ) {}

  /**
   * Its parties (the domain's mayReadCase), or the staff of the unit it is routed to (the domain's
   * one rule for staff reads); staff read the case as its subject does, never more.
   */
  async visibleCase(principal: Principal, caseId: string): Promise<CaseStatusView> {
    return isStaff(principal)
      ? this.visibleToUnit(principal, caseId)
      : this.visibleToParty(principal, caseId);
  }

  private async visibleToUnit(principal: Principal, caseId: string): Promise<CaseStatusView> {
    const { review } = await this.reviews.forStaff(principal, caseId).catch((error: unknown) => {
      // The route's one "not found", whoever asks.
      throw isDomainError(error) && error.kind === 'not-found' ? caseNotFound(caseId) : error;
    });
    const status = await this.readModel.caseFor(review.subject, caseId);
    if (!status) throw caseNotFound(caseId);
    return status;
  }

  /** The filer, the subject or a proxy in force: the proof of receipt is theirs alone. */
  async visibleToParty(principal: Principal, caseId: string): Promise<CaseStatusView> {
    const status = await this.readModel.caseFor(principal.subject, caseId);
    const procedure = PROCEDURES.find((known) => known === status?.procedure);
    // Someone else's case reads as missing: its existence is not ours to reveal.
    if (!status || !procedure) throw caseNotFound(caseId);
    const { filer, subject } = status;
    const powers = [filer, subject].includes(principal.subject)
      ? []
      : await powersBetween(this.store, this.readModel, subject, principal.subject);
    mayReadCase(actorOf(principal), { caseId, filer, subject, procedure }, powers, this.clock.now());
    return status;
  }
}

export const caseReadRefusals = [
  { status: 400, codes: ['INVALID_ID'] },
  { status: 403, codes: ['LEVEL_OF_ASSURANCE_TOO_LOW'] },
  { status: 404, codes: ['CASE_NOT_FOUND'] },
];
