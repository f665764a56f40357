import { readFileSync } from 'node:fs';
import { SqlClient } from '../sql/sql-client';
import { BenefitRecord, BenefitRecords } from './benefit-records.port';

/** The local adapter: a table filled from a fixtures file at start and by the admin import endpoint. */
export class SqlBenefitRecords implements BenefitRecords {
  constructor(private readonly sql: SqlClient) {}

  async hasActive(subject: string, benefitRequestRef: string, provinceCode: string): Promise<boolean> {
    const rows = await this.sql.query(
      `SELECT 1 FROM benefit_records
       WHERE subject = $1 AND benefit_request_ref = $2 AND province_code = $3 AND active`,
      [subject, benefitRequestRef, provinceCode],
    );
    return rows.length > 0;
  }

  async import(records: readonly BenefitRecord[]): Promise<number> {
    if (records.length === 0) return 0;
    await this.sql.query(
      `INSERT INTO benefit_records (subject, benefit_request_ref, province_code, benefit, active)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[])
       ON CONFLICT (subject, benefit_request_ref, province_code)
       DO UPDATE SET benefit = EXCLUDED.benefit, active = EXCLUDED.active, updated_at = now()`,
      [
        records.map((r) => r.subject),
        records.map((r) => r.benefitRequestRef),
        records.map((r) => r.provinceCode),
        records.map((r) => r.benefit),
        records.map((r) => r.active),
      ],
    );
    return records.length;
  }

  async importFile(path: string): Promise<number> {
    return this.import(JSON.parse(readFileSync(path, 'utf8')) as BenefitRecord[]);
  }
}
