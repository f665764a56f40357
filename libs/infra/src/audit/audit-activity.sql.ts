import type { SqlExecutor } from '../sql/sql-client';
import {
  decodeActivityCursor,
  encodeActivityCursor,
  type ActivityCursor,
  type ActivityEntry,
  type ActivityFilters,
  type ActivityPage,
  type AuditActivity,
} from './audit-activity.port';

/** The page query for some filters: every filter a bound parameter, the order the indexes' own. */
export function activityPageQuery(
  filters: ActivityFilters,
  cursor: ActivityCursor | undefined,
  limit: number,
): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (filters.actor !== undefined) where.push(`actor = ${bind(filters.actor)}`);
  if (filters.caseId !== undefined) where.push(`case_id = ${bind(filters.caseId)}`);
  if (filters.type !== undefined) where.push(`type = ${bind(filters.type)}`);
  if (filters.from) where.push(`recorded_at >= ${bind(filters.from)}`);
  if (filters.to) where.push(`recorded_at <= ${bind(filters.to)}`);
  if (cursor) where.push(`(recorded_at, position) > (${bind(cursor.recordedAt)}, ${bind(cursor.position)})`);
  const text = `SELECT position, event_id AS "eventId", stream, type, case_id AS "caseId", actor,
      actor_name AS "actorName", role, level_of_assurance AS "levelOfAssurance", recorded_at AS "recordedAt"
    FROM audit_activity ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY recorded_at, position LIMIT ${bind(limit + 1)}`;
  return { text, params };
}

type Row = Omit<ActivityEntry, 'position' | 'recordedAt'> & { position: string; recordedAt: Date | string };

/** The who-did-what search over audit_activity (PostgreSQL and PGlite). */
export class SqlAuditActivity implements AuditActivity {
  constructor(private readonly sql: SqlExecutor) {}

  async search(filters: ActivityFilters, page: { limit: number; cursor?: string }): Promise<ActivityPage> {
    const cursor = page.cursor === undefined ? undefined : decodeActivityCursor(page.cursor);
    const { text, params } = activityPageQuery(filters, cursor, page.limit);
    const rows = await this.sql.query<Row>(text, params);
    const items = rows.slice(0, page.limit).map((row) => ({
      ...row,
      position: Number(row.position),
      recordedAt: new Date(row.recordedAt),
    }));
    const last = items[items.length - 1];
    return { items, next: rows.length > page.limit && last ? encodeActivityCursor(last) : null };
  }
}
