import { endOfMadridDay, reviewDeadlines } from '@expediente/domain';
import { readDomainStream, isEventOf } from '@expediente/infra/event-store/domain-events';
import { streams } from '@expediente/infra/event-store/streams';
import { EFFECTS } from './effects';
import { JOBS } from './jobs';
import { caseJob, reaction } from './reaction';

/** Whenever the review's clock changes, each deadline running now becomes a delayed job checked when it falls due. */
export const scheduleDeadlines = reaction({
  job: JOBS.scheduleDeadlines,
  queue: 'reactions',
  trigger: [
    'ReviewOpened',
    'ReviewerAssigned',
    'InformationRequested',
    'InformationProvided',
    'DeadlineExpired',
  ],
  // Once the letter is out (or the case closed or withdrawn) no review step runs, so no deadline is owed.
  effect: {
    name: EFFECTS.deadlines,
    key: 'caseId',
    fulfilledBy: ['ResolutionIssued', 'CaseClosed', 'ReviewWithdrawn'],
  },
  enqueue: caseJob,
  async work(job, context, queues) {
    const caseId = job.data.caseId!;
    const review = (await readDomainStream(context.store, streams.review(caseId))).filter(
      isEventOf([
        'ReviewOpened',
        'ReviewerAssigned',
        'InformationRequested',
        'InformationProvided',
        'CaseEvaluated',
        'CaseResolved',
        'ReviewWithdrawn',
        'ResolutionIssued',
        'CaseClosed',
        'DeadlineExpired',
      ]),
    );
    const { policy, calendar } = context.rules;
    const running = reviewDeadlines(review, policy, calendar).flatMap((d) =>
      d.state === 'running' ? [d] : [],
    );
    const now = context.clock.now().getTime();
    const { correlationId } = job.data;
    await Promise.all(
      running.map(({ step, dueOn }) => {
        const dueAt = endOfMadridDay(dueOn);
        return queues.deadlines.add(
          JOBS.deadline,
          { caseId, step, dueOn, dueAt: dueAt.toISOString(), ...(correlationId && { correlationId }) },
          { jobId: `deadline-${caseId}-${step}-${dueOn}`, delay: Math.max(0, dueAt.getTime() - now) },
        );
      }),
    );
    return running.length;
  },
});
