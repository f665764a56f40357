import { Inject, Injectable } from '@nestjs/common';
import {
  EVENT_STORE,
  EventStore,
  StoredEvent,
  WrongExpectedVersion,
} from '@expediente/infra/event-store/event-store.port';
import { deterministicUuid } from '@expediente/infra/commands/command-runner';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { ReceiptRenderer } from '@expediente/infra/receipts/receipt-renderer';
import { receiptFactsOf } from './receipt-facts';
import { streams } from '@expediente/infra/event-store/streams';

export const VERIFY_BASE_URL = Symbol('VERIFY_BASE_URL');

/**
 * Renders, seals and stores a filing's proof of receipt, then records
 * ProofOfReceiptIssued in the receipt's own stream. Safe to run any number of
 * times: the stream can be created once, with an id derived from the filing event.
 */
@Injectable()
export class ReceiptIssuer {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly renderer: ReceiptRenderer,
    @Inject(VERIFY_BASE_URL) private readonly verifyBaseUrl: string,
  ) {}

  async issue(caseId: string, submittedEventId: string): Promise<'issued' | 'already-issued'> {
    const stream = streams.receipt(caseId);
    if ((await this.store.streamVersion(stream)) !== undefined) return 'already-issued';
    const events: StoredEvent[] = [];
    for await (const event of this.store.readStream(streams.filing(caseId))) events.push(event);
    const facts = receiptFactsOf(events, this.verifyBaseUrl);
    const proof = await this.renderer.renderReceipt(facts);
    const [pdf, p7s, zip] = await Promise.all(
      [proof.pdf, proof.p7s, proof.zip].map((bytes) => this.blobs.putBytes(bytes)),
    );
    try {
      await this.store.append(
        stream,
        [
          {
            id: deterministicUuid(`${stream}|${submittedEventId}`),
            type: 'ProofOfReceiptIssued',
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
            metadata: { actor: 'system:worker', causationId: submittedEventId },
          },
        ],
        { expectedVersion: 'no-stream' },
      );
      return 'issued';
    } catch (error) {
      // Another worker issued it between our check and our append: theirs stands.
      if (error instanceof WrongExpectedVersion) return 'already-issued';
      throw error;
    }
  }
}
