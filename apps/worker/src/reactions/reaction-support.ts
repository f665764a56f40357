import { caseReviewDecider, isDomainError, type CaseReviewCommand } from '@expediente/domain';
import { runCommand } from '@expediente/infra/commands/command-runner';
import { readDomainStream } from '@expediente/infra/event-store/domain-events';
import type { StoredEvent } from '@expediente/infra/event-store/event-store.port';
import { streams } from '@expediente/infra/event-store/streams';
import type { ReactionContext } from './reaction';
import { systemMetadata } from './system-metadata';

/** A case-review command as the worker builds it; the metadata is added on the way out. */
export type SystemCommand = CaseReviewCommand extends infer C
  ? C extends { type: infer T; data: infer D }
    ? { type: T; data: D }
    : never
  : never;

/** Whether `stream` already holds an event caused by `causeId`: the work was done. */
export async function caused(context: ReactionContext, stream: string, causeId: string): Promise<boolean> {
  return (await readDomainStream(context.store, stream)).some((e) => e.metadata.causationId === causeId);
}

/** Decides a system command on the case's review, naming the event that caused it. */
export async function decideReview(
  context: ReactionContext,
  caseId: string,
  command: SystemCommand,
  cause?: Pick<StoredEvent, 'id' | 'metadata'>,
): Promise<void> {
  await runCommand(context.store, caseReviewDecider, streams.review(caseId), {
    ...command,
    metadata: systemMetadata(context.clock.now(), cause),
  });
}

/** A deadline or deemed rejection that no longer applies (answered, moved, closed) is simply done. */
export async function ignoringDone(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (isDomainError(error) && error.code !== 'NOT_YET_DUE' && error.kind !== 'validation') return;
    throw error;
  }
}
