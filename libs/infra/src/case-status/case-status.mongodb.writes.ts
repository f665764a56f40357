import { AnyBulkWriteOperation, Filter } from 'mongodb';
import type { CitizenCase } from '@expediente/domain';
import { CaseStatusChange, TimelineLine } from './case-status.changes';
import { CaseStatusView, PowerRecord, ReceiptRecord, TimelineEntry } from './case-status.port';
import { render } from './messages/messages';

/**
 * The MongoDB adapter's documents, and the idempotent writes one change makes:
 * inserts are upserts of a deterministic _id that only set fields on insert, and
 * an update applies only if the event is newer than the document's `lastPosition` (the log
 * position of the last event that changed it). Each event changes a given document at most
 * once, which that guard relies on.
 */
export type CaseDoc = Omit<
  CaseStatusView,
  'caseId' | 'informationRequest' | 'outcome' | 'notification' | 'todo'
> & {
  _id: string;
  lastPosition: number;
  /** The review and its notification as the domain folds them, and the last step folded (case-status.mongodb.ts). */
  citizen?: CitizenCase | null;
  citizenPosition?: number;
  notificationId?: string | null;
};
export type PowerDoc = Omit<PowerRecord, 'powerId'> & { _id: string; lastPosition: number };
export type ReceiptDoc = Omit<ReceiptRecord, 'csv'> & { _id: string };
export type TimelineDoc = TimelineEntry & {
  _id: string;
  caseId: string;
  position: number;
  actor: string | null;
};
export type CheckpointDoc = { _id: string; position: number };

export interface Writes {
  cases: AnyBulkWriteOperation<CaseDoc>[];
  timeline: AnyBulkWriteOperation<TimelineDoc>[];
  powers: AnyBulkWriteOperation<PowerDoc>[];
  receipts: AnyBulkWriteOperation<ReceiptDoc>[];
}

/** In an update pipeline a string or object is an expression; data must stay a value, replaced whole. */
const literal = (value: unknown) => ({ $literal: value });

/** The timeline entry's write: an upsert of a deterministic _id. */
export function planLine(writes: Writes, caseId: string, line: TimelineLine): void {
  writes.timeline.push({
    updateOne: {
      filter: { _id: `${caseId}:${line.position}` },
      update: {
        $setOnInsert: {
          caseId,
          position: line.position,
          at: line.at,
          kind: line.type,
          text: render(line.message, 'es'),
          message: line.message,
          actor: line.actor,
        },
      },
      upsert: true,
    },
  });
}

/**
 * Adds the idempotent write(s) for one change made by the event at `position`. A case step
 * reads the case's fold first: the adapter writes it itself (case-status.mongodb.ts).
 */
export function plan(
  writes: Writes,
  change: Exclude<CaseStatusChange, { kind: 'case-step' }>,
  position: number,
): void {
  const newer = { $lt: position };
  const guardedCase = (caseId: string, extra: Filter<CaseDoc> = {}) => ({
    _id: caseId,
    lastPosition: newer,
    ...extra,
  });
  switch (change.kind) {
    case 'case-opened': {
      const doc: Omit<CaseDoc, '_id'> = {
        procedure: change.procedure,
        filer: change.filer,
        subject: change.subject,
        status: 'draft',
        provinceCode: change.provinceCode,
        unit: null,
        registryEntry: null,
        receipt: { status: 'none', csv: null },
        createdAt: change.at,
        updatedAt: change.at,
        lastPosition: position,
      };
      writes.cases.push({
        updateOne: { filter: { _id: change.caseId }, update: { $setOnInsert: doc }, upsert: true },
      });
      return;
    }
    case 'draft-updated':
      writes.cases.push({
        updateOne: {
          filter: guardedCase(change.caseId),
          update: {
            $set: {
              ...(change.provinceCode === null ? {} : { provinceCode: change.provinceCode }),
              updatedAt: change.at,
              lastPosition: position,
            },
          },
        },
      });
      return;
    case 'case-submitted':
      writes.cases.push({
        updateOne: {
          filter: guardedCase(change.caseId),
          update: [
            {
              $set: {
                status: 'submitted',
                registryEntry: literal({ number: change.registryNumber, registeredAt: change.registeredAt }),
                // A receipt already issued stays ready (the SQL adapter's CASE does the same).
                receipt: {
                  $cond: [
                    { $eq: ['$receipt.status', 'ready'] },
                    literal({ csv: change.receiptCsv, status: 'ready' }),
                    literal({ csv: change.receiptCsv, status: 'pending' }),
                  ],
                },
                updatedAt: change.at,
                lastPosition: position,
              },
            },
          ],
        },
      });
      return;
    case 'case-routed':
      writes.cases.push({
        updateOne: {
          filter: guardedCase(change.caseId, { status: { $in: ['submitted', 'routed'] } }),
          update: {
            $set: { status: 'routed', unit: change.unit, updatedAt: change.at, lastPosition: position },
          },
        },
      });
      return;
    case 'case-withdrawn':
      writes.cases.push({
        updateOne: {
          filter: guardedCase(change.caseId),
          update: { $set: { status: 'withdrawn', updatedAt: change.at, lastPosition: position } },
        },
      });
      return;
    case 'receipt-issued': {
      const { csv, ...receipt } = change.receipt;
      writes.cases.push({
        updateOne: {
          filter: guardedCase(receipt.caseId),
          update: { $set: { 'receipt.status': 'ready', updatedAt: change.at, lastPosition: position } },
        },
      });
      writes.receipts.push({
        updateOne: { filter: { _id: csv }, update: { $setOnInsert: receipt }, upsert: true },
      });
      return;
    }
    case 'power-granted': {
      const { powerId, ...power } = change.power;
      writes.powers.push({
        updateOne: {
          filter: { _id: powerId },
          update: { $setOnInsert: { ...power, procedures: [...power.procedures], lastPosition: position } },
          upsert: true,
        },
      });
      return;
    }
    case 'power-changed':
      writes.powers.push({
        updateOne: {
          filter: { _id: change.powerId, lastPosition: newer },
          update: { $set: { status: change.status, lastPosition: position } },
        },
      });
      return;
    case 'timeline-entry':
      planLine(writes, change.caseId, change);
      return;
    default: {
      const unknown: never = change;
      throw new Error(`unknown change ${JSON.stringify(unknown)}`);
    }
  }
}
