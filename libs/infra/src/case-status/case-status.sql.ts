import { madridDateOf, type CitizenCase } from '@expediente/domain';
import { StoredEvent } from '../event-store/event-store.port';
import { SqlClient } from '../sql/sql-client';
import { SqlProjectionReadModel } from '../projections/projection-runner';
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
import { caseStatusProjection } from './case-status.sql.writes';
import { processClock } from '../clock/clock';

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
 * The case-status read model in PostgreSQL or PGlite: the projection of case-status.sql.writes.ts,
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
