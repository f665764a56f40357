import { caseReviewDecider, REVIEW_STEPS, type ReviewStep } from '@expediente/domain';
import { runCommand } from '@expediente/infra/commands/command-runner';
import { streams } from '@expediente/infra/event-store/streams';
import { JOBS } from './jobs';
import { scheduledWork } from './reaction';
import { ignoringDone } from './reaction-support';
import { systemMetadata } from './system-metadata';

const isStep = (step: string): step is ReviewStep => (REVIEW_STEPS as readonly string[]).includes(step);

/** A deadline scheduled by schedule-deadlines fell due: the review records it, unless it no longer runs. */
export const recordDeadlineExpired = scheduledWork({
  job: JOBS.deadline,
  queue: 'deadlines',
  work: async (job, context) => {
    const { caseId, step, dueOn } = job.data as { caseId: string; step: string; dueOn: string };
    // As the domain would (DEADLINE_NOT_RUNNING): a step it does not know is not running, so nothing is due.
    if (!isStep(step)) return;
    await ignoringDone(() =>
      runCommand(context.store, caseReviewDecider, streams.review(caseId), {
        type: 'RecordDeadlineExpired',
        data: { caseId, step, dueOn },
        metadata: systemMetadata(context.clock.now()),
      }),
    );
  },
});
