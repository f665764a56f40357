import type { Command } from '../shared/command-metadata';
import type { ProofOfReceiptIssued } from './proof-of-receipt.events';

/**
 * Issued by the receipt worker once the receipt is rendered, sealed and stored. The metadata's
 * idempotency key is the submission event's id, so the event's id repeats on every retry.
 */
export type IssueProofOfReceipt = Command<'IssueProofOfReceipt', ProofOfReceiptIssued['data']>;

export type ProofOfReceiptCommand = IssueProofOfReceipt;
