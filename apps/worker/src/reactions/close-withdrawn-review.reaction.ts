import { readDomainStream, isEventOf } from '@expediente/infra/event-store/domain-events';
import { streams } from '@expediente/infra/event-store/streams';
import { EFFECTS } from './effects';
import { JOBS } from './jobs';
import { caseJob, reaction, type ReactionContext } from './reaction';
import { decideReview } from './reaction-support';

const WITHDRAWALS = ['ReportsWithdrawn', 'EntitlementApplicationWithdrawn'] as const;

/**
 * A filing withdrawn before its review opened: the review, once open, is withdrawn too, in the
 * filer's name. Runs on the withdrawal and again right after a review opens, so whichever of
 * the two comes second closes it; once the review has the withdrawal, this records nothing.
 * Returns whether the review is open (and so, now, withdrawn).
 */
export async function closeReviewIfFilingWithdrawn(
  context: ReactionContext,
  caseId: string,
): Promise<boolean> {
  const withdrawn = (await readDomainStream(context.store, streams.filing(caseId))).find(
    isEventOf(WITHDRAWALS),
  );
  const review = await readDomainStream(context.store, streams.review(caseId));
  if (!review.some((e) => e.type === 'ReviewOpened')) return false;
  if (!withdrawn) return true;
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
  return true;
}

/**
 * Owed only by a withdrawal the review could not record first (it had not opened). Until the
 * review opens the job fails and is retried, so a job that completed has seen the review
 * withdrawn (as the reconciler assumes); open-review usually gets there first.
 */
export const closeWithdrawnReview = reaction({
  job: JOBS.closeWithdrawnReview,
  queue: 'reactions',
  trigger: WITHDRAWALS,
  effect: { name: EFFECTS.reviewWithdrawn, key: 'caseId', fulfilledBy: ['ReviewWithdrawn'] },
  enqueue: (event) => (event.data.reviewPending === true ? caseJob(event) : undefined),
  async work(job, context) {
    if (!(await closeReviewIfFilingWithdrawn(context, job.data.caseId!)))
      throw new Error(`the review of case ${job.data.caseId} has not opened yet`);
  },
});
