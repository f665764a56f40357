import { proofOfReceiptDecider } from '@expediente/domain';
import { load, runCommand } from '@expediente/infra/commands/command-runner';
import { readDomainStream } from '@expediente/infra/event-store/domain-events';
import { streams } from '@expediente/infra/event-store/streams';
import { receiptFactsOf } from '../receipts/receipt-facts';
import { EFFECTS } from './effects';
import { JOBS } from './jobs';
import { caseJob, reaction, type ReactionContext } from './reaction';
import { systemMetadata } from './system-metadata';

/**
 * Renders, seals and stores a filing's proof of receipt, then issues it through its decider in
 * the receipt's own stream. Safe to run any number of times: the submission event's id is the
 * command's idempotency key, so the event's id repeats, and an issued receipt is issued no more.
 */
export async function issueReceipt(
  context: ReactionContext,
  caseId: string,
  submittedEventId: string,
): Promise<'issued' | 'already-issued'> {
  const stream = streams.receipt(caseId);
  if ((await load(context.store, proofOfReceiptDecider, stream)).state.status === 'issued')
    return 'already-issued';
  const filing = await readDomainStream(context.store, streams.filing(caseId));
  const facts = receiptFactsOf(filing, context.verifyBaseUrl);
  const proof = await context.receipts.renderReceipt(facts);
  const [pdf, p7s, zip] = await Promise.all(
    [proof.pdf, proof.p7s, proof.zip].map((bytes) => context.blobs.putBytes(bytes)),
  );
  const cause = filing.find((e) => e.id === submittedEventId);
  const { events } = await runCommand(context.store, proofOfReceiptDecider, stream, {
    type: 'IssueProofOfReceipt',
    data: {
      caseId,
      csv: facts.csv,
      registryNumber: facts.registryEntry.number,
      registeredAt: facts.registryEntry.registeredAt,
      pdfHash: pdf!.hash,
      p7sHash: p7s!.hash,
      zipHash: zip!.hash,
      facts,
    },
    metadata: {
      ...systemMetadata(context.clock.now(), cause ?? { id: submittedEventId, metadata: {} }),
      idempotencyKey: submittedEventId,
    },
  });
  // Another worker issued it between our check and our append: theirs stands.
  return events.length > 0 ? 'issued' : 'already-issued';
}

export const issueReceiptReaction = reaction({
  job: JOBS.receipt,
  queue: 'receipts',
  trigger: ['ReportsSubmitted', 'EntitlementApplicationSubmitted'],
  effect: { name: EFFECTS.receipt, key: 'caseId', fulfilledBy: ['ProofOfReceiptIssued'] },
  enqueue: caseJob,
  work: (job, context) => issueReceipt(context, job.data.caseId!, job.data.eventId!),
});
