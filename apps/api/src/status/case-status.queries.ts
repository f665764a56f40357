import { Inject, Injectable } from '@nestjs/common';
import { NotFound } from '@expediente/domain';
import { SQL_CLIENT, SqlClient } from '@expediente/infra/sql/sql-client';

export interface CaseStatusRow {
  case_id: string;
  procedure: string;
  filer: string;
  subject: string;
  status: string;
  province_code: string | null;
  unit_id: string | null;
  unit_name: string | null;
  registry_number: string | null;
  registered_at: Date | null;
  receipt_csv: string | null;
  receipt_status: string;
  created_at: Date;
  updated_at: Date;
}

/** Cases a person may follow: filed by them, about them, or about someone whose accepted power they hold today. */
const VISIBLE_TO = `(c.filer = $1 OR c.subject = $1 OR c.subject IN (
  SELECT principal FROM powers_of_attorney
  WHERE proxy = $1 AND status = 'accepted' AND valid_from <= current_date AND valid_until >= current_date))`;

@Injectable()
export class CaseStatusQueries {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  async myCases(person: string, limit: number, before?: string) {
    const rows = await this.sql.query<CaseStatusRow>(
      `SELECT * FROM case_status c WHERE ${VISIBLE_TO} AND ($2::timestamptz IS NULL OR c.updated_at < $2)
       ORDER BY c.updated_at DESC LIMIT $3`,
      [person, before ?? null, limit + 1],
    );
    const page = rows.slice(0, limit).map(present);
    return { items: page, next: rows.length > limit ? page[page.length - 1]!.updatedAt : null };
  }

  async caseFor(person: string, caseId: string) {
    const [row] = await this.sql.query<CaseStatusRow>(
      `SELECT * FROM case_status c WHERE c.case_id = $2 AND ${VISIBLE_TO}`,
      [person, caseId],
    );
    // Someone else's case reads as missing: its existence is not ours to reveal.
    if (!row) throw new NotFound('CASE_NOT_FOUND', `There is no case ${caseId} you can see.`, { caseId });
    return present(row);
  }

  async timeline(person: string, caseId: string) {
    await this.caseFor(person, caseId);
    const rows = await this.sql.query<{ at: Date; kind: string; text: string }>(
      'SELECT at, kind, text FROM case_timeline WHERE case_id = $1 ORDER BY position',
      [caseId],
    );
    return rows;
  }

  async receiptByCsv(csv: string) {
    const [row] = await this.sql.query<{
      case_id: string;
      registry_number: string;
      registered_at: Date;
      pdf_hash: string;
      zip_hash: string;
      facts: Record<string, unknown>;
    }>(
      'SELECT case_id, registry_number, registered_at, pdf_hash, zip_hash, facts FROM receipts WHERE csv = $1',
      [csv],
    );
    return row;
  }

  async receiptOfCase(caseId: string) {
    const [row] = await this.sql.query<{ csv: string; zip_hash: string; pdf_hash: string }>(
      'SELECT csv, zip_hash, pdf_hash FROM receipts WHERE case_id = $1',
      [caseId],
    );
    return row;
  }
}

function present(row: CaseStatusRow) {
  return {
    caseId: row.case_id,
    procedure: row.procedure,
    filer: row.filer,
    subject: row.subject,
    status: row.status,
    provinceCode: row.province_code,
    unit: row.unit_id ? { id: row.unit_id, name: row.unit_name } : null,
    registryEntry: row.registry_number
      ? { number: row.registry_number, registeredAt: row.registered_at }
      : null,
    receipt: { status: row.receipt_status, csv: row.receipt_csv },
    createdAt: row.created_at,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
