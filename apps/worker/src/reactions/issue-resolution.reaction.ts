import { notificationPreferencesDecider, paperCopyOwed } from '@expediente/domain';
import { load } from '@expediente/infra/commands/command-runner';
import { readDomainStream } from '@expediente/infra/event-store/domain-events';
import { streams } from '@expediente/infra/event-store/streams';
import { generateCsv } from '@expediente/infra/receipts/csv';
import { EFFECTS } from './effects';
import { JOBS } from './jobs';
import { caseJob, reaction } from './reaction';
import { decideReview } from './reaction-support';
import { resolutionFactsOf } from '@expediente/infra/resolutions/resolution-facts';

/**
 * A resolved case gets its letter: rendered (pooled Chromium), sealed, stored, and recorded as
 * ResolutionIssued with the hashes of the PDF and its signature, and whether a paper copy is
 * owed (unless the filing opted out, or the addressee declined paper for every case on their own
 * notification-preferences stream, as it stands when the letter is issued): paper-post reacts to
 * that event, so the copy is never lost.
 */
export const issueResolution = reaction({
  job: JOBS.issueResolution,
  queue: 'reactions',
  trigger: ['CaseResolved'],
  effect: { name: EFFECTS.resolutionLetter, key: 'caseId', fulfilledBy: ['ResolutionIssued'] },
  enqueue: caseJob,
  async work(job, context) {
    const { caseId, eventId } = job.data as { caseId: string; eventId: string };
    const review = await readDomainStream(context.store, streams.review(caseId));
    if (review.some((e) => e.type === 'ResolutionIssued')) return undefined;
    const facts = resolutionFactsOf(await readDomainStream(context.store, streams.filing(caseId)), review, {
      csv: generateCsv(),
      verifyBaseUrl: context.verifyBaseUrl,
    });
    const preferences = await load(
      context.store,
      notificationPreferencesDecider,
      streams.notificationPreferences(facts.addressee.idNumber),
    );
    const paperCopy = paperCopyOwed(facts.paperOptOut, preferences.state);
    const letter = await context.resolutions.render(facts);
    const [pdf, p7s] = await Promise.all(
      [letter.pdf, letter.p7s, letter.zip].map((bytes) => context.blobs.putBytes(bytes)),
    );
    await decideReview(
      context,
      caseId,
      {
        type: 'RecordResolutionIssued',
        data: {
          caseId,
          documentHash: pdf!.hash,
          signatureHash: p7s!.hash,
          csv: facts.csv,
          issuedAt: context.clock.now().toISOString(),
          paperCopy,
        },
      },
      review.find((e) => e.id === eventId),
    );
    return { paperCopy, documentHash: pdf!.hash };
  },
});
