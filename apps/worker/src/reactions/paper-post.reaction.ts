import { Logger } from '@nestjs/common';
import { paperPostDecider } from '@expediente/domain';
import { load, runCommand } from '@expediente/infra/commands/command-runner';
import { readDomainStream, isEventOf } from '@expediente/infra/event-store/domain-events';
import { streams } from '@expediente/infra/event-store/streams';
import { EFFECTS } from './effects';
import { JOBS } from './jobs';
import { reaction } from './reaction';
import { systemMetadata } from './system-metadata';

const logger = new Logger('Worker');

/**
 * A resolution's paper copy, for a party who did not opt out of paper (ResolutionIssued says
 * so): handed to the printing and postal service (outside the system; its port goes here) and
 * recorded as PaperCopyPosted through its decider, so a copy owed and never handed over shows
 * in the log. The ResolutionIssued event's id is the idempotency key: a retried job posts once.
 */
export const paperPost = reaction({
  job: JOBS.paperPost,
  queue: 'paper-post',
  trigger: ['ResolutionIssued'],
  effect: { name: EFFECTS.paperCopy, key: 'caseId', fulfilledBy: ['PaperCopyPosted'] },
  enqueue: (event) =>
    event.data.paperCopy === true
      ? { data: { caseId: event.data.caseId, documentHash: event.data.documentHash, eventId: event.id } }
      : undefined,
  async work(job, context) {
    const { caseId, documentHash, eventId } = job.data as {
      caseId: string;
      documentHash: string;
      eventId: string;
    };
    const stream = streams.paperPost(caseId);
    if ((await load(context.store, paperPostDecider, stream)).state.status === 'posted')
      return 'already-posted';
    logger.log(`paper copy of resolution ${documentHash} for case ${caseId} handed to the post`);
    const issued = (await readDomainStream(context.store, streams.review(caseId)))
      .filter(isEventOf(['ResolutionIssued']))
      .find((e) => e.id === eventId);
    const { events } = await runCommand(context.store, paperPostDecider, stream, {
      type: 'RecordPaperCopyPosted',
      data: { caseId, documentHash, postedAt: context.clock.now().toISOString() },
      metadata: {
        ...systemMetadata(context.clock.now(), issued ?? { id: eventId, metadata: {} }),
        idempotencyKey: eventId,
      },
    });
    // Another worker recorded it between our check and our append: theirs stands.
    return events.length > 0 ? 'posted' : 'already-posted';
  },
});
