import { citizenViewOf, evolveCitizenCase, initialCitizenCase, type CitizenCase } from '@expediente/domain';
import { StoredEvent } from '../event-store/event-store.port';
import { SqlExecutor } from '../sql/sql-client';
import { SqlProjection } from '../projections/projection';
import { CaseStatusChange, changesOf, TimelineLine } from './case-status.changes';
import { render } from './messages/messages';
import type { CaseStatus, ReceiptStatus } from './case-status.port';

/** A case_status row as this writer folds it (the table's columns, migrations 030 and 035). */
interface CaseStatusRow {
  case_id: string;
  procedure: string;
  filer: string;
  subject: string;
  status: CaseStatus;
  province_code: string | null;
  unit_id: string | null;
  unit_name: string | null;
  registry_number: string | null;
  registered_at: Date | string | null;
  receipt_csv: string | null;
  receipt_status: ReceiptStatus;
  created_at: Date | string;
  updated_at: Date | string;
  citizen: CitizenCase | null;
  citizen_position: number | string;
  notification_id: string | null;
}

const UPDATED_COLUMNS = [
  'procedure',
  'filer',
  'subject',
  'status',
  'province_code',
  'unit_id',
  'unit_name',
  'registry_number',
  'registered_at',
  'receipt_csv',
  'receipt_status',
  'created_at',
  'updated_at',
  'citizen',
  'citizen_position',
  'notification_id',
];

/**
 * What a batch of events does to case_status, worked out in memory: the rows the batch touches
 * are read once (locked), each change is applied to them in log order, and everything is written
 * back in one multi-row statement per table. A batch of one event (the live runner) and of a
 * thousand (a rebuild) go the same way.
 */
class CaseStatusBatch {
  private readonly cases = new Map<string, CaseStatusRow>();
  private readonly caseOfNotification = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private readonly lines: Record<string, unknown>[] = [];
  private readonly receipts: Record<string, unknown>[] = [];

  constructor(private readonly tx: SqlExecutor) {}

  async load(changes: readonly CaseStatusChange[]): Promise<void> {
    const caseIds = new Set<string>();
    const notificationIds = new Set<string>();
    for (const change of changes) {
      const caseId = caseIdOf(change);
      if (caseId) caseIds.add(caseId);
      if (change.kind === 'case-step' && 'notificationId' in change.target) {
        notificationIds.add(change.target.notificationId);
      }
    }
    if (caseIds.size === 0 && notificationIds.size === 0) return;
    // Each condition only when needed: an OR over an empty list still costs the planner an index scan.
    const byNotification = notificationIds.size > 0 ? ' OR notification_id = ANY($2::text[])' : '';
    const rows = await this.tx.query<CaseStatusRow>(
      `SELECT * FROM case_status WHERE case_id = ANY($1::text[])${byNotification} ORDER BY case_id FOR UPDATE`,
      notificationIds.size > 0 ? [[...caseIds], [...notificationIds]] : [[...caseIds]],
    );
    for (const row of rows) this.remember(row);
  }

  async apply(change: CaseStatusChange): Promise<void> {
    switch (change.kind) {
      case 'case-opened':
        if (this.cases.has(change.caseId)) return;
        this.remember({
          case_id: change.caseId,
          procedure: change.procedure,
          filer: change.filer,
          subject: change.subject,
          status: 'draft',
          province_code: change.provinceCode,
          unit_id: null,
          unit_name: null,
          registry_number: null,
          registered_at: null,
          receipt_csv: null,
          receipt_status: 'none',
          created_at: change.at,
          updated_at: change.at,
          citizen: null,
          citizen_position: 0,
          notification_id: null,
        });
        this.dirty.add(change.caseId);
        return;
      case 'draft-updated':
        return this.update(change.caseId, (row) => {
          row.province_code = change.provinceCode ?? row.province_code;
          row.updated_at = change.at;
        });
      case 'case-submitted':
        return this.update(change.caseId, (row) => {
          row.status = 'submitted';
          row.registry_number = change.registryNumber;
          row.registered_at = change.registeredAt;
          row.receipt_csv = change.receiptCsv;
          row.receipt_status = row.receipt_status === 'ready' ? 'ready' : 'pending';
          row.updated_at = change.at;
        });
      case 'case-routed':
        return this.update(change.caseId, (row) => {
          if (row.status !== 'submitted' && row.status !== 'routed') return false;
          row.status = 'routed';
          row.unit_id = change.unit.id;
          row.unit_name = change.unit.name;
          row.updated_at = change.at;
        });
      case 'case-withdrawn':
        return this.update(change.caseId, (row) => {
          row.status = 'withdrawn';
          row.updated_at = change.at;
        });
      case 'receipt-issued': {
        const r = change.receipt;
        this.update(r.caseId, (row) => {
          row.receipt_status = 'ready';
          row.updated_at = change.at;
        });
        this.receipts.push({
          csv: r.csv,
          case_id: r.caseId,
          registry_number: r.registryNumber,
          registered_at: r.registeredAt,
          pdf_hash: r.pdfHash,
          p7s_hash: r.p7sHash,
          zip_hash: r.zipHash,
          facts: r.facts,
        });
        return;
      }
      // Powers are few and independent of the case rows: written as they come.
      case 'power-granted': {
        const p = change.power;
        await this.tx.query(
          `INSERT INTO powers_of_attorney (power_id, principal, proxy, procedures, valid_from, valid_until, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (power_id) DO NOTHING`,
          [p.powerId, p.principal, p.proxy, p.procedures, p.validFrom, p.validUntil, p.status],
        );
        return;
      }
      case 'power-changed':
        await this.tx.query('UPDATE powers_of_attorney SET status = $2 WHERE power_id = $1', [
          change.powerId,
          change.status,
        ]);
        return;
      case 'case-step':
        return this.step(change);
      case 'timeline-entry':
        return this.line(change.caseId, change);
      default: {
        const unknown: never = change;
        throw new Error(`unknown change ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** One statement per table; a replayed line or receipt is left as first written. */
  async write(): Promise<void> {
    if (this.dirty.size > 0) {
      const rows = [...this.dirty].map((id) => this.cases.get(id)!);
      await this.tx.query(
        `INSERT INTO case_status SELECT * FROM jsonb_populate_recordset(NULL::case_status, $1::jsonb)
         ON CONFLICT (case_id) DO UPDATE SET ${UPDATED_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
        [JSON.stringify(rows)],
      );
    }
    if (this.lines.length > 0) {
      await this.tx.query(
        `INSERT INTO case_timeline SELECT * FROM jsonb_populate_recordset(NULL::case_timeline, $1::jsonb)
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(this.lines)],
      );
    }
    if (this.receipts.length > 0) {
      await this.tx.query(
        `INSERT INTO receipts SELECT * FROM jsonb_populate_recordset(NULL::receipts, $1::jsonb)
         ON CONFLICT (csv) DO NOTHING`,
        [JSON.stringify(this.receipts)],
      );
    }
  }

  private remember(row: CaseStatusRow): void {
    this.cases.set(row.case_id, row);
    if (row.notification_id) this.caseOfNotification.set(row.notification_id, row.case_id);
  }

  /** Changes a case that exists (an UPDATE … WHERE case_id = …); `change` returns false to leave it. */
  private update(caseId: string, change: (row: CaseStatusRow) => boolean | void): void {
    const row = this.cases.get(caseId);
    if (row && change(row) !== false) this.dirty.add(caseId);
  }

  private line(caseId: string, line: TimelineLine): void {
    this.lines.push({
      case_id: caseId,
      position: line.position,
      at: line.at,
      kind: line.type,
      text: render(line.message, 'es'),
      actor: line.actor,
      message: line.message,
    });
  }

  /**
   * Folds a review or notification step into the case's CitizenCase, once: the row remembers the
   * last step it folded. A withdrawn case stays withdrawn, whatever the review records after.
   */
  private step(step: Extract<CaseStatusChange, { kind: 'case-step' }>): void {
    const caseId =
      'caseId' in step.target ? step.target.caseId : this.caseOfNotification.get(step.target.notificationId);
    const row = caseId === undefined ? undefined : this.cases.get(caseId);
    if (!row || Number(row.citizen_position) >= step.position) return;
    const citizen = evolveCitizenCase(row.citizen ?? initialCitizenCase(), step.event);
    row.citizen = citizen;
    row.citizen_position = step.position;
    if (step.event.type === 'NotificationMadeAvailable') {
      row.notification_id = step.event.data.notificationId;
      this.caseOfNotification.set(row.notification_id, row.case_id);
    }
    if (row.status !== 'withdrawn') row.status = citizenViewOf(citizen)?.status ?? row.status;
    row.updated_at = step.at;
    this.dirty.add(row.case_id);
    if (step.line) this.line(row.case_id, step.line);
  }
}

function caseIdOf(change: CaseStatusChange): string | undefined {
  switch (change.kind) {
    case 'receipt-issued':
      return change.receipt.caseId;
    case 'case-step':
      return 'caseId' in change.target ? change.target.caseId : undefined;
    case 'power-granted':
    case 'power-changed':
      return undefined;
    default:
      return change.caseId;
  }
}

async function applyBatch(tx: SqlExecutor, events: readonly StoredEvent[]): Promise<void> {
  const changes = events.flatMap(changesOf);
  if (changes.length === 0) return;
  const batch = new CaseStatusBatch(tx);
  await batch.load(changes);
  for (const change of changes) await batch.apply(change);
  await batch.write();
}

/** The case-status tables (migrations 030_case_status, 035_case_status_citizen_steps) as a SQL projection. */
export const caseStatusProjection: SqlProjection = {
  name: 'case-status',
  tables: ['case_status', 'case_timeline', 'powers_of_attorney', 'receipts'],
  apply: (tx, event) => applyBatch(tx, [event]),
  applyBatch,
};
