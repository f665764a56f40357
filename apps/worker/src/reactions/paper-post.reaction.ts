import { Logger } from '@nestjs/common';
import { JOBS } from './jobs';
import { scheduledWork } from './reaction';

const logger = new Logger('Worker');

/** A paper copy of a resolution, added by issue-resolution unless the party opted out of paper. */
export const paperPost = scheduledWork({
  job: JOBS.paperPost,
  queue: 'paperPost',
  work: async (job) => {
    // The printing and postal service is outside the system; this is where its port goes.
    logger.log(
      `paper copy of resolution ${job.data.documentHash} for case ${job.data.caseId} handed to the post`,
    );
  },
});
