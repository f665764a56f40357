import { readDomainStream, isEventOf } from '@expediente/infra/event-store/domain-events';
import { streams } from '@expediente/infra/event-store/streams';
import { JOBS } from './jobs';
import { caseJob, reaction, type ReactionContext } from './reaction';
import { decideReview } from './reaction-support';

const WITHDRAWALS = ['ReportsWithdrawn', 'EntitlementApplicationWithdrawn'] as const;

/**
 * A filing withdrawn before its review opened: the review, once open, is withdrawn too, in the
 * filer's name. Runs on the withdrawal and again right after a review opens, so whichever of
 * the two comes second closes it; once the review has the withdrawal, this records nothing.
 */
export async function closeReviewIfFilingWithdrawn(context: ReactionContext, caseId: string): Promise<void> {
  const withdrawn = (await readDomainStream(context.store, streams.filing(caseId))).find(
    isEventOf(WITHDRAWALS),
  );
  const review = await readDomainStream(context.store, streams.review(caseId));
  if (!withdrawn || !review.some((e) => e.type === 'ReviewOpened')) return;
  await decideReview(
    context,
    caseId,
    {
      type: 'RecordFilingWithdrawn',
      data: {
        caseId,
        withdrawnBy: withdrawn.metadata.actor ?? '',
        withdrawnAt: withdrawn.data.withdrawnAt,
        ...(withdrawn.data.reason !== undefined && { reason: withdrawn.data.reason }),
      },
    },
    withdrawn,
  );
}

export const closeWithdrawnReview = reaction({
  job: JOBS.closeWithdrawnReview,
  queue: 'reactions',
  trigger: WITHDRAWALS,
  enqueue: caseJob,
  work: (job, context) => closeReviewIfFilingWithdrawn(context, job.data.caseId!),
});
