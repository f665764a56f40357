import type { Queue } from 'bullmq';
import type { OutboxRoute } from '@expediente/infra/outbox/outbox-relay';
import { isSubmission } from '../receipts/receipt-facts';

export const RECEIPT_JOB = 'issue-receipt';

/** Which events ask for work outside the log. */
export function outboxRoutes(queues: { receipts: Queue }): OutboxRoute {
  return (event) => {
    if (isSubmission(event)) {
      const { caseId } = event.data as { caseId: string };
      return [{ queue: queues.receipts, name: RECEIPT_JOB, data: { caseId, eventId: event.id } }];
    }
    return [];
  };
}
