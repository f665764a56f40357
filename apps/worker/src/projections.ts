import type { Storage } from '@expediente/infra/storage/storage';
import type { DeadlineRules } from '@expediente/infra/deadlines/deadline-rules';
import { ReadModelRunner } from '@expediente/infra/projections/read-model-runner';
import { ProjectionRunner } from '@expediente/infra/projections/projection-runner';
import { caseStatusProjection } from '@expediente/infra/case-status/case-status.sql.writes';
import { reviewQueueProjection } from '@expediente/infra/review-queue/review-queue.projection';
import { notificationInboxProjection } from '@expediente/infra/review-queue/notification-inbox.projection';
import { issuedDocumentsProjection } from '@expediente/infra/verification/issued-documents';
import { documentReadsProjection } from '@expediente/infra/case-access/document-reads.projection';
import { outstandingEffectsProjection } from '@expediente/infra/outbox/outstanding-effects';
import { auditActivityProjection } from '@expediente/infra/audit/audit-activity.projection';
import { effectsOf } from './outbox/outbox.routes';

/**
 * Every read model the system keeps, by name: what the worker runs and what `npm run projections`
 * reports on and rebuilds. Case status on SQL is the same projection its read model applies
 * (case-status.sql.ts), run here so it rebuilds beside the live tables; on MongoDB it runs
 * through its own adapter and rebuilds in place.
 */
export function projectionRunners(
  storage: Storage,
  rules: DeadlineRules,
): Readonly<Record<string, ReadModelRunner>> {
  const { eventStore, sql } = storage;
  return {
    'case-status':
      storage.caseStatus.kind === 'sql'
        ? new ProjectionRunner(eventStore, sql, caseStatusProjection)
        : new ReadModelRunner(eventStore, storage.caseStatus),
    'review-queue': new ProjectionRunner(eventStore, sql, reviewQueueProjection(rules)),
    'notification-inbox': new ProjectionRunner(eventStore, sql, notificationInboxProjection),
    'issued-documents': new ProjectionRunner(eventStore, sql, issuedDocumentsProjection),
    'audit-activity': new ProjectionRunner(eventStore, sql, auditActivityProjection),
    'document-reads': new ProjectionRunner(eventStore, sql, documentReadsProjection),
    'outstanding-effects': new ProjectionRunner(eventStore, sql, outstandingEffectsProjection(effectsOf)),
  };
}
