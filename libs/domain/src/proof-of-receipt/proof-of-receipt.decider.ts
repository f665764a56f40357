/**
 * A filing's proof of receipt (stream receipt-<caseId>): issued once. Issuing again is no
 * refusal but nothing at all, because the worker may run the same job any number of times.
 */
import type { Decider } from '../shared/decider';
import { documentHashMustBeSha256 } from '../notification/notification.rules';
import type { IssueProofOfReceipt, ProofOfReceiptCommand } from './proof-of-receipt.commands';
import type { ProofOfReceiptEvent } from './proof-of-receipt.events';

export type ProofOfReceipt =
  | { readonly status: 'none' }
  | { readonly status: 'issued'; readonly caseId: string; readonly csv: string; readonly zipHash: string };

export const initialState = (): ProofOfReceipt => ({ status: 'none' });

/** One event, one command: the switches a wider union needs would have a single case here. */
export const evolve = (state: ProofOfReceipt, { data }: ProofOfReceiptEvent): ProofOfReceipt =>
  state.status === 'issued'
    ? state
    : { status: 'issued', caseId: data.caseId, csv: data.csv, zipHash: data.zipHash };

export const issueProofOfReceipt = (
  { data }: IssueProofOfReceipt,
  state: ProofOfReceipt,
): ProofOfReceiptEvent[] => {
  if (state.status === 'issued') return [];
  return [
    {
      type: 'ProofOfReceiptIssued',
      data: {
        ...data,
        pdfHash: documentHashMustBeSha256(data.pdfHash),
        p7sHash: documentHashMustBeSha256(data.p7sHash),
        zipHash: documentHashMustBeSha256(data.zipHash),
      },
    },
  ];
};

export const decide = (command: ProofOfReceiptCommand, state: ProofOfReceipt): ProofOfReceiptEvent[] =>
  issueProofOfReceipt(command, state);

export const proofOfReceiptDecider: Decider<ProofOfReceiptCommand, ProofOfReceiptEvent, ProofOfReceipt> = {
  initialState,
  evolve,
  decide,
};
