import { readDomainStream, isEventOf } from '@expediente/infra/event-store/domain-events';
import { streams } from '@expediente/infra/event-store/streams';
import { closeReviewIfFilingWithdrawn } from './close-withdrawn-review.reaction';
import { EFFECTS } from './effects';
import { JOBS } from './jobs';
import { caseJob, reaction } from './reaction';
import { caused, decideReview } from './reaction-support';

/** A routed filing reaches its unit: the review opens, and closes at once if the filing was withdrawn meanwhile. */
export const openReview = reaction({
  job: JOBS.openReview,
  queue: 'reactions',
  trigger: ['CaseRoutedToUnit'],
  effect: { name: EFFECTS.review, key: 'caseId', fulfilledBy: ['ReviewOpened'] },
  enqueue: caseJob,
  async work(job, context) {
    const { caseId, eventId } = job.data as { caseId: string; eventId: string };
    const filing = await readDomainStream(context.store, streams.filing(caseId));
    const routed = filing.filter(isEventOf(['CaseRoutedToUnit'])).find((e) => e.id === eventId);
    const filed = filing.find(isEventOf(['ReportsSubmitted', 'EntitlementApplicationSubmitted']));
    if (!routed || !filed) return;
    if (!(await caused(context, streams.review(caseId), eventId))) {
      const { procedure, provinceCode, unit, routedAt } = routed.data;
      await decideReview(
        context,
        caseId,
        {
          type: 'OpenReview',
          data: {
            caseId,
            procedure,
            provinceCode,
            unit,
            subject: filed.data.subject,
            filer: filed.data.filer,
            routedAt,
          },
        },
        routed,
      );
    }
    await closeReviewIfFilingWithdrawn(context, caseId);
  },
});
