import { Inject, Injectable } from '@nestjs/common';
import {
  caseReviewDecider,
  entitlementApplicationDecider,
  medicalReportSubmissionDecider,
  resolvedAtOf,
  type CaseReview,
  type CommandMetadata,
  type Decider,
  type Procedure,
  type WithdrawalEvidence,
  type WithdrawEntitlementApplication,
  type WithdrawReports,
} from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { load, runCommand } from '@expediente/infra/commands/command-runner';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { streams } from '@expediente/infra/event-store/streams';
import { metadataFor } from '../commands/command-context';

type WithdrawalData = WithdrawalEvidence & { caseId: string; reason?: string };
export type FilingProcedure = Exclude<Procedure, 'notifications'>;

/** The filing behind a review: reviews are opened only for routed filings. */
export const filingProcedureOf = ({ procedure }: { readonly procedure: Procedure }): FilingProcedure => {
  if (procedure === 'notifications') throw new Error('a review always follows a filing');
  return procedure;
};

/** One filing's withdrawal, typed by its own decider and command. */
interface FilingWithdrawal {
  /** Every rule of the filing's withdrawal, nothing stored; false when the case has no filing stream. */
  check(store: EventStore, data: WithdrawalData, metadata: CommandMetadata): Promise<boolean>;
  record(store: EventStore, data: WithdrawalData, metadata: CommandMetadata): Promise<number>;
}

function filingWithdrawal<
  C extends { readonly type: string; readonly metadata: CommandMetadata },
  E extends { readonly type: string; readonly data: unknown },
  S extends { readonly status: string },
>(
  decider: Decider<C, E, S>,
  command: (data: WithdrawalData, metadata: CommandMetadata) => C,
): FilingWithdrawal {
  return {
    async check(store, data, metadata) {
      const { state } = await load(store, decider, streams.filing(data.caseId));
      if (state.status === 'none') return false;
      decider.decide(command(data, metadata), state);
      return true;
    },
    async record(store, data, metadata) {
      const result = await runCommand(store, decider, streams.filing(data.caseId), command(data, metadata));
      return result.version!;
    },
  };
}

const FILINGS: Readonly<Record<FilingProcedure, FilingWithdrawal>> = {
  'medical-report-submission': filingWithdrawal(
    medicalReportSubmissionDecider,
    (data, metadata): WithdrawReports => ({
      type: 'WithdrawReports',
      data,
      metadata,
    }),
  ),
  'entitlement-application': filingWithdrawal(
    entitlementApplicationDecider,
    (data, metadata): WithdrawEntitlementApplication => ({
      type: 'WithdrawEntitlementApplication',
      data,
      metadata,
    }),
  ),
};

export interface Withdrawn {
  readonly caseId: string;
  /** The filing stream's version after the withdrawal; undefined for a review with no filing stream. */
  readonly filingVersion: number | undefined;
  /** The review's, when the case reached a medical unit. */
  readonly review: { readonly status: CaseReview['status']; readonly version: number } | undefined;
}

/**
 * Withdrawing a case: one use case, whichever half the citizen asks through. The filing and the
 * review each record it, the review first, because that is where a withdrawal can race a
 * resolution: its append at the version it read lets exactly one of the two happen (the one
 * write path decides again on a conflict, and a resolved review refuses, CASE_ALREADY_RESOLVED).
 * The filing's rules (the filer, submitted, not resolved) run before anything is stored.
 */
@Injectable()
export class CaseWithdrawal {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async withdraw(
    principal: Principal,
    caseId: string,
    procedure: FilingProcedure,
    reason: string | undefined,
  ): Promise<Withdrawn> {
    const metadata = metadataFor(principal);
    const filing = FILINGS[procedure];
    const before = await load(this.store, caseReviewDecider, streams.review(caseId));
    const data = (review: CaseReview): WithdrawalData => ({
      caseId,
      resolvedAt: resolvedAtOf(review),
      reviewPending: review.status === 'none',
      ...(reason !== undefined && { reason }),
    });
    const hasFiling = await filing.check(this.store, data(before.state), metadata);

    let review: Withdrawn['review'];
    let after = before.state;
    if (before.state.status !== 'none') {
      // Already withdrawn: a withdrawal cut short after the review's append; the filing's follows now.
      if (before.state.status !== 'withdrawn') {
        const result = await runCommand(this.store, caseReviewDecider, streams.review(caseId), {
          type: 'WithdrawReview',
          data: { caseId, ...(reason !== undefined && { reason }) },
          metadata,
        });
        after = result.state;
        review = { status: result.state.status, version: result.version! };
      } else {
        review = { status: before.state.status, version: before.version! };
      }
    }
    const filingVersion = hasFiling ? await filing.record(this.store, data(after), metadata) : undefined;
    return { caseId, filingVersion, review };
  }
}
