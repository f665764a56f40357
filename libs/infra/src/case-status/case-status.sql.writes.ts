import { citizenViewOf, evolveCitizenCase, initialCitizenCase, type CitizenCase } from '@expediente/domain';
import { StoredEvent } from '../event-store/event-store.port';
import { SqlExecutor } from '../sql/sql-client';
import { SqlProjection } from '../projections/projection';
import { CaseStatusChange, changesOf, TimelineLine } from './case-status.changes';
import { render } from './messages/messages';

/** Writes one change; a replayed change is harmless, and the checkpoint skips it anyway. */
async function write(tx: SqlExecutor, change: CaseStatusChange): Promise<void> {
  switch (change.kind) {
    case 'case-opened':
      await tx.query(
        `INSERT INTO case_status (case_id, procedure, filer, subject, status, province_code, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'draft', $5, $6, $6) ON CONFLICT (case_id) DO NOTHING`,
        [change.caseId, change.procedure, change.filer, change.subject, change.provinceCode, change.at],
      );
      return;
    case 'draft-updated':
      await tx.query(
        'UPDATE case_status SET province_code = COALESCE($2, province_code), updated_at = $3 WHERE case_id = $1',
        [change.caseId, change.provinceCode, change.at],
      );
      return;
    case 'case-submitted':
      await tx.query(
        `UPDATE case_status SET status = 'submitted', registry_number = $2, registered_at = $3,
           receipt_csv = $4, receipt_status = CASE WHEN receipt_status = 'ready' THEN 'ready' ELSE 'pending' END,
           updated_at = $5
         WHERE case_id = $1`,
        [change.caseId, change.registryNumber, change.registeredAt, change.receiptCsv, change.at],
      );
      return;
    case 'case-routed':
      await tx.query(
        `UPDATE case_status SET status = 'routed', unit_id = $2, unit_name = $3, updated_at = $4
         WHERE case_id = $1 AND status IN ('submitted', 'routed')`,
        [change.caseId, change.unit.id, change.unit.name, change.at],
      );
      return;
    case 'case-withdrawn':
      await tx.query(`UPDATE case_status SET status = 'withdrawn', updated_at = $2 WHERE case_id = $1`, [
        change.caseId,
        change.at,
      ]);
      return;
    case 'receipt-issued': {
      const r = change.receipt;
      await tx.query(`UPDATE case_status SET receipt_status = 'ready', updated_at = $2 WHERE case_id = $1`, [
        r.caseId,
        change.at,
      ]);
      await tx.query(
        `INSERT INTO receipts (csv, case_id, registry_number, registered_at, pdf_hash, p7s_hash, zip_hash, facts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (csv) DO NOTHING`,
        [
          r.csv,
          r.caseId,
          r.registryNumber,
          r.registeredAt,
          r.pdfHash,
          r.p7sHash,
          r.zipHash,
          JSON.stringify(r.facts),
        ],
      );
      return;
    }
    case 'power-granted': {
      const p = change.power;
      await tx.query(
        `INSERT INTO powers_of_attorney (power_id, principal, proxy, procedures, valid_from, valid_until, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (power_id) DO NOTHING`,
        [p.powerId, p.principal, p.proxy, p.procedures, p.validFrom, p.validUntil, p.status],
      );
      return;
    }
    case 'power-changed':
      await tx.query('UPDATE powers_of_attorney SET status = $2 WHERE power_id = $1', [
        change.powerId,
        change.status,
      ]);
      return;
    case 'case-step':
      return writeStep(tx, change);
    case 'timeline-entry':
      return writeLine(tx, change.caseId, change);
    default: {
      const unknown: never = change;
      throw new Error(`unknown change ${JSON.stringify(unknown)}`);
    }
  }
}

async function writeLine(tx: SqlExecutor, caseId: string, line: TimelineLine): Promise<void> {
  await tx.query(
    `INSERT INTO case_timeline (case_id, position, at, kind, text, actor, message)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
    [
      caseId,
      line.position,
      line.at,
      line.type,
      render(line.message, 'es'),
      line.actor,
      JSON.stringify(line.message),
    ],
  );
}

/**
 * Folds a review or notification step into the case's CitizenCase, once: the row remembers the
 * last step it folded. A withdrawn case stays withdrawn, whatever the review records after.
 */
async function writeStep(
  tx: SqlExecutor,
  step: Extract<CaseStatusChange, { kind: 'case-step' }>,
): Promise<void> {
  const [column, key] =
    'caseId' in step.target
      ? ['case_id', step.target.caseId]
      : ['notification_id', step.target.notificationId];
  const [row] = await tx.query<{ case_id: string; citizen: CitizenCase | null; citizen_position: string }>(
    `SELECT case_id, citizen, citizen_position FROM case_status WHERE ${column} = $1 FOR UPDATE`,
    [key],
  );
  if (!row || Number(row.citizen_position) >= step.position) return;
  const citizen = evolveCitizenCase(row.citizen ?? initialCitizenCase(), step.event);
  const notificationId =
    step.event.type === 'NotificationMadeAvailable' ? step.event.data.notificationId : null;
  await tx.query(
    `UPDATE case_status SET citizen = $2, citizen_position = $3, notification_id = COALESCE($4, notification_id),
       status = CASE WHEN status = 'withdrawn' THEN status ELSE COALESCE($5, status) END, updated_at = $6
     WHERE case_id = $1`,
    [
      row.case_id,
      JSON.stringify(citizen),
      step.position,
      notificationId,
      citizenViewOf(citizen)?.status ?? null,
      step.at,
    ],
  );
  if (step.line) await writeLine(tx, row.case_id, step.line);
}

/** The case-status tables (migrations 030_case_status, 035_case_status_citizen_steps) as a SQL projection. */
export const caseStatusProjection: SqlProjection = {
  name: 'case-status',
  tables: ['case_status', 'case_timeline', 'powers_of_attorney', 'receipts'],
  async apply(tx: SqlExecutor, event: StoredEvent) {
    for (const change of changesOf(event)) await write(tx, change);
  },
};
