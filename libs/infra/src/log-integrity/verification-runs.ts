import { randomUUID } from 'node:crypto';
import { SqlClient } from '../sql/sql-client';
import { LogIntegrity, VerificationReport } from './log-integrity.port';

export interface VerificationRun {
  readonly id: string;
  readonly requestedBy: string;
  readonly startedAt: Date;
  readonly updatedAt: Date;
  readonly status: 'running' | 'done' | 'failed';
  readonly eventsChecked: number;
  readonly report?: VerificationReport;
  readonly error?: string;
}

interface Row {
  id: string;
  requested_by: string;
  started_at: Date;
  updated_at: Date;
  status: VerificationRun['status'];
  events_checked: string;
  report: VerificationReport | null;
  error: string | null;
}

/**
 * Whole-log verifications started over HTTP: one runs in the background of the process that
 * took the request, writing its progress and then its report to `log_verifications`, so any
 * replica answers for it. A run whose process died stays `running` with an old `updatedAt`.
 */
export class VerificationRuns {
  constructor(
    private readonly sql: SqlClient,
    private readonly integrity: LogIntegrity,
    private readonly clock: () => Date,
  ) {}

  async start(requestedBy: string): Promise<VerificationRun> {
    const id = randomUUID();
    const now = this.clock();
    await this.sql.query(
      `INSERT INTO log_verifications (id, requested_by, started_at, updated_at, status) VALUES ($1, $2, $3, $3, 'running')`,
      [id, requestedBy, now],
    );
    void this.run(id);
    return { id, requestedBy, startedAt: now, updatedAt: now, status: 'running', eventsChecked: 0 };
  }

  async find(id: string): Promise<VerificationRun | undefined> {
    const [row] = await this.sql.query<Row>('SELECT * FROM log_verifications WHERE id = $1', [id]);
    if (!row) return undefined;
    return {
      id: row.id,
      requestedBy: row.requested_by,
      startedAt: new Date(row.started_at),
      updatedAt: new Date(row.updated_at),
      status: row.status,
      eventsChecked: Number(row.events_checked),
      ...(row.report && { report: row.report }),
      ...(row.error !== null && { error: row.error }),
    };
  }

  private async run(id: string): Promise<void> {
    try {
      const report = await this.integrity.verifyLog({
        onProgress: ({ events }) =>
          void this.sql
            .query('UPDATE log_verifications SET events_checked = $2, updated_at = $3 WHERE id = $1', [
              id,
              events,
              this.clock(),
            ])
            .catch(() => undefined),
      });
      await this.sql.query(
        `UPDATE log_verifications SET status = 'done', report = $2, events_checked = $3, updated_at = $4 WHERE id = $1`,
        [id, JSON.stringify(report), report.events, this.clock()],
      );
    } catch (error) {
      await this.sql
        .query(`UPDATE log_verifications SET status = 'failed', error = $2, updated_at = $3 WHERE id = $1`, [
          id,
          error instanceof Error ? error.message : String(error),
          this.clock(),
        ])
        .catch(() => undefined);
    }
  }
}
