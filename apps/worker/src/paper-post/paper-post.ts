import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PaperCopyPosted } from '@expediente/domain';
import {
  EVENT_STORE,
  EventStore,
  WrongExpectedVersion,
} from '@expediente/infra/event-store/event-store.port';
import { deterministicUuid } from '@expediente/infra/commands/command-runner';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import { streams } from '@expediente/infra/event-store/streams';

/**
 * Hands a resolution's paper copy to the printing and postal service (outside the system; its
 * port goes here) and records PaperCopyPosted, so a copy owed and never handed over shows in
 * the log. The stream is created once, so a retried job posts nothing twice.
 */
@Injectable()
export class PaperPost {
  private readonly logger = new Logger('PaperPost');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async post(
    caseId: string,
    documentHash: string,
    issuedEventId: string,
  ): Promise<'posted' | 'already-posted'> {
    const stream = streams.paperPost(caseId);
    if ((await this.store.streamVersion(stream)) !== undefined) return 'already-posted';
    this.logger.log(`paper copy of resolution ${documentHash} for case ${caseId} handed to the post`);
    const posted: PaperCopyPosted = {
      type: 'PaperCopyPosted',
      data: { caseId, documentHash, postedAt: this.clock.now().toISOString() },
    };
    try {
      await this.store.append(
        stream,
        [
          {
            id: deterministicUuid(`${stream}|${issuedEventId}`),
            ...posted,
            metadata: { actor: 'system:worker', causationId: issuedEventId },
          },
        ],
        { expectedVersion: 'no-stream' },
      );
      return 'posted';
    } catch (error) {
      if (error instanceof WrongExpectedVersion) return 'already-posted';
      throw error;
    }
  }
}
