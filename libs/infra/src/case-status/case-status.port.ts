import {
  citizenViewOf,
  type CitizenCase,
  type CitizenStatus,
  type CitizenView,
  type ReceiptStatement,
} from '@expediente/domain';
import type { Message } from './messages/messages';
import { CheckpointedReadModel } from '../projections/read-model';
import { decodeKeysetCursor, encodeKeysetCursor } from '../paging/keyset-cursor';

/**
 * The citizen's view of their cases, kept from the log: "my cases", a case's
 * plain-language timeline, proofs of receipt and powers of attorney. Every
 * adapter (SQL, MongoDB) passes test/contract/case-status.contract.ts.
 */
export type CaseStatus = 'draft' | 'submitted' | CitizenStatus;
export const CASE_STATUSES: readonly CaseStatus[] = [
  'draft',
  'submitted',
  'routed',
  'assigned',
  'information-requested',
  'information-provided',
  'evaluated',
  'resolved',
  'notification-available',
  'notification-accepted',
  'notification-rejected',
  'notification-deemed-rejected',
  'closed',
  'withdrawn',
];
export type ReceiptStatus = 'none' | 'pending' | 'ready';

export interface CaseStatusView {
  readonly caseId: string;
  readonly procedure: string;
  readonly filer: string;
  readonly subject: string;
  readonly status: CaseStatus;
  readonly provinceCode: string | null;
  readonly unit: { readonly id: string; readonly name: string } | null;
  readonly registryEntry: { readonly number: string; readonly registeredAt: Date } | null;
  readonly receipt: { readonly status: ReceiptStatus; readonly csv: string | null };
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly informationRequest: CitizenView['informationRequest'];
  readonly outcome: CitizenView['outcome'];
  readonly notification: CitizenView['notification'];
  /** What the citizen must do next, and by when. */
  readonly todo: CitizenView['todo'];
}

type ReviewDetails = Pick<CaseStatusView, 'informationRequest' | 'outcome' | 'notification' | 'todo'>;

/**
 * What the review adds to a case, read off its stored fold with the domain's `citizenViewOf`.
 * A withdrawn case shows nothing more: a review step recorded after the withdrawal asks nothing.
 */
export function reviewDetailsOf(status: CaseStatus, citizen: CitizenCase | null): ReviewDetails {
  const view = citizen && status !== 'withdrawn' ? citizenViewOf(citizen) : null;
  return {
    informationRequest: view?.informationRequest ?? null,
    outcome: view?.outcome ?? null,
    notification: view?.notification ?? null,
    todo: view?.todo ?? [],
  };
}

export interface CasePage {
  readonly items: readonly CaseStatusView[];
  /** Pass as `before` for the next page; null on the last one. */
  readonly next: string | null;
}

export interface TimelineEntry {
  readonly at: Date;
  /** The event type behind the entry. */
  readonly kind: string;
  /** In Spanish, as first written. */
  readonly text: string;
  /** The same, to read in any language; null on entries written before messages were kept. */
  readonly message: Message | null;
}

export interface ReceiptRecord {
  readonly csv: string;
  readonly caseId: string;
  readonly registryNumber: string;
  readonly registeredAt: Date;
  readonly pdfHash: string;
  readonly p7sHash: string;
  readonly zipHash: string;
  readonly facts: ReceiptStatement;
}

export interface PowerRecord {
  readonly powerId: string;
  readonly principal: string;
  readonly proxy: string;
  readonly procedures: readonly string[];
  /** Madrid calendar days, 'YYYY-MM-DD', both ends included. */
  readonly validFrom: string;
  readonly validUntil: string;
  readonly status: 'granted' | 'accepted' | 'revoked';
}

export interface CaseStatusReadModel extends CheckpointedReadModel {
  readonly kind: 'sql' | 'mongodb';
  /**
   * Cases `person` may follow, most recently changed first: filed by them, about them, or
   * about someone who granted them a power that is accepted and in force today (Madrid).
   * A query cannot call the domain's `powerCovers`, so this filter only approximates the rule and
   * errs wide: it ignores the power's procedures and the session's level of assurance, and it
   * trails the log (grants dated before 2 April 2021 are refused, so none is stored). Reading any listed case goes through `caseFor` and then the domain's
   * `mayReadCase`, with the powers judged on their own streams.
   */
  myCases(person: string, page: { limit: number; before?: string }): Promise<CasePage>;
  /** Undefined when the case does not exist or `person` may not see it. */
  caseFor(person: string, caseId: string): Promise<CaseStatusView | undefined>;
  /** In log order. Visibility is the caller's to check (caseFor). */
  timeline(caseId: string): Promise<readonly TimelineEntry[]>;
  receiptByCsv(csv: string): Promise<ReceiptRecord | undefined>;
  receiptOfCase(caseId: string): Promise<ReceiptRecord | undefined>;
  /** Powers `person` granted or holds, latest start first, whatever their status. */
  powersOf(person: string): Promise<readonly PowerRecord[]>;
  /** Ids of every power `principal` granted `proxy`, whatever their status: the streams decide. */
  powerIdsBetween(principal: string, proxy: string): Promise<readonly string[]>;
  /** Rejects when the store behind the read model does not answer (GET /health). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const CASE_STATUS_READ_MODEL = Symbol('CASE_STATUS_READ_MODEL');

/** Where a page of "my cases" ends: the last case's change time, and its id to break ties. */
export interface CaseCursor {
  readonly updatedAt: Date;
  readonly caseId: string;
}

export function encodeCaseCursor(cursor: CaseCursor): string {
  return encodeKeysetCursor({ at: cursor.updatedAt, id: cursor.caseId });
}

/** Undefined when `value` is not a cursor this port handed out. */
export function decodeCaseCursor(value: string): CaseCursor | undefined {
  const position = decodeKeysetCursor(value);
  return position && { updatedAt: position.at, caseId: position.id };
}

/** Adapters call this: the API validates cursors first, so a bad one here is a programming error. */
export function requireCaseCursor(value: string): CaseCursor {
  const cursor = decodeCaseCursor(value);
  if (!cursor) throw new Error(`Not a case cursor: ${value}`);
  return cursor;
}

export function nextCursor(page: readonly CaseStatusView[], limit: number, fetched: number): string | null {
  const last = page[page.length - 1];
  return fetched > limit && last ? encodeCaseCursor(last) : null;
}
