import { StoredEvent } from '../event-store/event-store.port';
import { SqlExecutor } from '../sql/sql-client';
import { SqlProjection } from '../projections/projection';
import { describeEvent } from './case-timeline.text';

type Data = Record<string, unknown> & { caseId?: string };

/**
 * The citizen's view: one row per case ("my cases") and a plain-language timeline.
 * Every write is an upsert keyed by case or by position, so a replay is harmless.
 */
export const caseStatusProjection: SqlProjection = {
  name: 'case-status',

  async apply(tx, event) {
    const data = event.data as Data;
    switch (event.type) {
      case 'ReportDraftCreated':
      case 'EntitlementDraftCreated':
        await tx.query(
          `INSERT INTO case_status (case_id, procedure, filer, subject, status, province_code, created_at, updated_at)
           VALUES ($1, $2, $3, $4, 'draft', $5, $6, $6) ON CONFLICT (case_id) DO NOTHING`,
          [
            data.caseId,
            event.type === 'ReportDraftCreated' ? 'medical-report-submission' : 'entitlement-application',
            data.filer,
            data.subject,
            data.provinceCode ?? null,
            event.recordedAt,
          ],
        );
        break;
      case 'ReportDraftUpdated':
      case 'EntitlementDraftUpdated':
        await tx.query(
          'UPDATE case_status SET province_code = COALESCE($2, province_code), updated_at = $3 WHERE case_id = $1',
          [data.caseId, data.provinceCode ?? null, event.recordedAt],
        );
        break;
      case 'ReportsSubmitted':
      case 'EntitlementApplicationSubmitted': {
        const entry = data.registryEntry as { number: string; registeredAt: string };
        await tx.query(
          `UPDATE case_status SET status = 'submitted', registry_number = $2, registered_at = $3,
             receipt_csv = $4, receipt_status = CASE WHEN receipt_status = 'ready' THEN 'ready' ELSE 'pending' END,
             updated_at = $5
           WHERE case_id = $1`,
          [data.caseId, entry.number, entry.registeredAt, data.receiptCsv, event.recordedAt],
        );
        break;
      }
      case 'CaseRoutedToUnit': {
        const unit = data.unit as { id: string; name: string };
        await tx.query(
          `UPDATE case_status SET status = 'routed', unit_id = $2, unit_name = $3, updated_at = $4
           WHERE case_id = $1 AND status IN ('submitted', 'routed')`,
          [data.caseId, unit.id, unit.name, event.recordedAt],
        );
        break;
      }
      case 'ReportsWithdrawn':
      case 'EntitlementApplicationWithdrawn':
        await tx.query(`UPDATE case_status SET status = 'withdrawn', updated_at = $2 WHERE case_id = $1`, [
          data.caseId,
          event.recordedAt,
        ]);
        break;
      case 'ProofOfReceiptIssued':
        await tx.query(
          `UPDATE case_status SET receipt_status = 'ready', updated_at = $2 WHERE case_id = $1`,
          [data.caseId, event.recordedAt],
        );
        await tx.query(
          `INSERT INTO receipts (csv, case_id, registry_number, registered_at, pdf_hash, p7s_hash, zip_hash, facts)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (csv) DO NOTHING`,
          [
            data.csv,
            data.caseId,
            data.registryNumber,
            data.registeredAt,
            data.pdfHash,
            data.p7sHash,
            data.zipHash,
            JSON.stringify(data.facts),
          ],
        );
        break;
      case 'PowerGranted':
        await tx.query(
          `INSERT INTO powers_of_attorney (power_id, principal, proxy, procedures, valid_from, valid_until, status)
           VALUES ($1, $2, $3, $4, $5, $6, 'granted') ON CONFLICT (power_id) DO NOTHING`,
          [data.powerId, data.principal, data.proxy, data.procedures, data.validFrom, data.validUntil],
        );
        return;
      case 'PowerAccepted':
      case 'PowerRevoked':
        await tx.query('UPDATE powers_of_attorney SET status = $2 WHERE power_id = $1', [
          data.powerId,
          event.type === 'PowerAccepted' ? 'accepted' : 'revoked',
        ]);
        return;
      default:
        return;
    }
    await appendTimeline(tx, event, data.caseId);
  },

  async reset(tx) {
    for (const table of ['case_status', 'case_timeline', 'powers_of_attorney', 'receipts']) {
      await tx.query(`DELETE FROM ${table}`);
    }
  },
};

async function appendTimeline(
  tx: SqlExecutor,
  event: StoredEvent,
  caseId: string | undefined,
): Promise<void> {
  const text = describeEvent(event);
  if (!caseId || !text) return;
  await tx.query(
    `INSERT INTO case_timeline (case_id, position, at, kind, text, actor) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING`,
    [caseId, event.position, event.recordedAt, event.type, text, event.metadata.actor ?? null],
  );
}
