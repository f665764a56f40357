import {
  citizenViewOf,
  evolveCitizenCase,
  initialCitizenCase,
  madridDateOf,
  type CitizenCase,
} from '@expediente/domain';
import { StoredEvent } from '../event-store/event-store.port';
import { SqlClient, SqlExecutor } from '../sql/sql-client';
import { SqlProjection } from '../projections/projection';
import { SqlProjectionReadModel } from '../projections/projection-runner';
import { CaseStatusChange, changesOf, TimelineLine } from './case-status.changes';
import { render } from './messages/messages';
import {
  CasePage,
  CaseStatusReadModel,
  CaseStatusView,
  nextCursor,
  PowerRecord,
  ReceiptRecord,
  requireCaseCursor,
  reviewDetailsOf,
  TimelineEntry,
} from './case-status.port';
import { processClock } from '../clock/clock';

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
  async apply(tx: SqlExecutor, event: StoredEvent) {
    for (const change of changesOf(event)) await write(tx, change);
  },
  async reset(tx) {
    for (const table of ['case_status', 'case_timeline', 'powers_of_attorney', 'receipts']) {
      await tx.query(`DELETE FROM ${table}`);
    }
  },
};

interface CaseRow {
  case_id: string;
  procedure: string;
  filer: string;
  subject: string;
  status: CaseStatusView['status'];
  province_code: string | null;
  unit_id: string | null;
  unit_name: string | null;
  registry_number: string | null;
  registered_at: Date | null;
  receipt_csv: string | null;
  receipt_status: CaseStatusView['receipt']['status'];
  created_at: Date;
  updated_at: Date;
  citizen: CitizenCase | null;
}

/** $1 the person, $2 today (Madrid). */
const VISIBLE_TO = `(c.filer = $1 OR c.subject = $1 OR c.subject IN (
  SELECT principal FROM powers_of_attorney
  WHERE proxy = $1 AND status = 'accepted' AND valid_from <= $2::date AND valid_until >= $2::date))`;

const RECEIPT_COLUMNS = `csv, case_id AS "caseId", registry_number AS "registryNumber",
  registered_at AS "registeredAt", pdf_hash AS "pdfHash", p7s_hash AS "p7sHash", zip_hash AS "zipHash", facts`;

/**
 * The case-status read model in PostgreSQL or PGlite: the projection above,
 * applied with its checkpoint in the same transaction, and the queries over its tables.
 */
export class SqlCaseStatusReadModel implements CaseStatusReadModel {
  readonly kind = 'sql';
  readonly name = caseStatusProjection.name;
  private readonly writer: SqlProjectionReadModel;

  constructor(
    private readonly sql: SqlClient,
    private readonly now: () => Date = () => processClock.now(),
  ) {
    this.writer = new SqlProjectionReadModel(sql, caseStatusProjection);
  }

  apply(events: readonly StoredEvent[]): Promise<void> {
    return this.writer.apply(events);
  }

  checkpoint(): Promise<number> {
    return this.writer.checkpoint();
  }

  reset(): Promise<void> {
    return this.writer.reset();
  }

  async myCases(person: string, page: { limit: number; before?: string }): Promise<CasePage> {
    const cursor = page.before === undefined ? undefined : requireCaseCursor(page.before);
    const rows = await this.sql.query<CaseRow>(
      `SELECT * FROM case_status c WHERE ${VISIBLE_TO}
         AND ($3::timestamptz IS NULL OR (c.updated_at, c.case_id COLLATE "C") < ($3::timestamptz, $4::text))
       ORDER BY c.updated_at DESC, c.case_id COLLATE "C" DESC LIMIT $5`,
      [person, this.today(), cursor?.updatedAt ?? null, cursor?.caseId ?? null, page.limit + 1],
    );
    const items = rows.slice(0, page.limit).map(present);
    return { items, next: nextCursor(items, page.limit, rows.length) };
  }

  async caseFor(person: string, caseId: string): Promise<CaseStatusView | undefined> {
    const [row] = await this.sql.query<CaseRow>(
      `SELECT * FROM case_status c WHERE c.case_id = $3 AND ${VISIBLE_TO}`,
      [person, this.today(), caseId],
    );
    return row && present(row);
  }

  timeline(caseId: string): Promise<TimelineEntry[]> {
    return this.sql.query<TimelineEntry>(
      'SELECT at, kind, text, message FROM case_timeline WHERE case_id = $1 ORDER BY position',
      [caseId],
    );
  }

  async receiptByCsv(csv: string): Promise<ReceiptRecord | undefined> {
    const [row] = await this.sql.query<ReceiptRecord>(
      `SELECT ${RECEIPT_COLUMNS} FROM receipts WHERE csv = $1`,
      [csv],
    );
    return row;
  }

  async receiptOfCase(caseId: string): Promise<ReceiptRecord | undefined> {
    const [row] = await this.sql.query<ReceiptRecord>(
      `SELECT ${RECEIPT_COLUMNS} FROM receipts WHERE case_id = $1`,
      [caseId],
    );
    return row;
  }

  powersOf(person: string): Promise<PowerRecord[]> {
    return this.sql.query<PowerRecord>(
      `SELECT power_id AS "powerId", principal, proxy, procedures, to_char(valid_from, 'YYYY-MM-DD') AS "validFrom",
              to_char(valid_until, 'YYYY-MM-DD') AS "validUntil", status
       FROM powers_of_attorney WHERE principal = $1 OR proxy = $1
       ORDER BY valid_from DESC, power_id COLLATE "C"`,
      [person],
    );
  }

  async powerIdsBetween(principal: string, proxy: string): Promise<string[]> {
    const rows = await this.sql.query<{ power_id: string }>(
      'SELECT power_id FROM powers_of_attorney WHERE principal = $1 AND proxy = $2 ORDER BY power_id COLLATE "C"',
      [principal, proxy],
    );
    return rows.map((row) => row.power_id);
  }

  /** The SQL client belongs to the storage, which closes it. */
  async ping(): Promise<void> {
    await this.sql.query('SELECT 1');
  }

  async close(): Promise<void> {}

  private today(): string {
    return madridDateOf(this.now());
  }
}

function present(row: CaseRow): CaseStatusView {
  return {
    caseId: row.case_id,
    procedure: row.procedure,
    filer: row.filer,
    subject: row.subject,
    status: row.status,
    provinceCode: row.province_code,
    unit: row.unit_id ? { id: row.unit_id, name: row.unit_name ?? '' } : null,
    registryEntry:
      row.registry_number && row.registered_at
        ? { number: row.registry_number, registeredAt: new Date(row.registered_at) }
        : null,
    receipt: { status: row.receipt_status, csv: row.receipt_csv },
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    ...reviewDetailsOf(row.status, row.citizen),
  };
}
