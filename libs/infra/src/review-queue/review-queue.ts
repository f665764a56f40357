import {
  addCalendarDays,
  madridDateOf,
  startOfMadridDay,
  REVIEW_STEPS,
  type IsoDate,
  type Procedure,
  type ReviewStep,
} from '@expediente/domain';
import { SqlClient } from '../sql/sql-client';
import { OPEN_STATUSES, QueueStatus } from './review-queue.row';
import { decodeKeysetCursor, encodeKeysetCursor } from '../paging/keyset-cursor';

export interface UnitDashboard {
  readonly unit: string;
  readonly today: IsoDate;
  readonly counts: {
    readonly unassigned: number;
    readonly mine: number;
    readonly awaitingCitizen: number;
    readonly overdue: number;
  };
  /** Open cases by whole days since the review opened. */
  readonly ageing: {
    readonly '0-7': number;
    readonly '8-30': number;
    readonly '31-90': number;
    readonly '>90': number;
  };
  /** The last 12 ISO weeks (Madrid), oldest first, this week included. */
  readonly resolvedPerWeek: readonly {
    readonly week: string;
    readonly weekStart: IsoDate;
    readonly resolved: number;
  }[];
  /** Open cases by status, every open status listed (zero included). */
  readonly backlog: readonly { readonly status: QueueStatus; readonly cases: number }[];
  /** Cases whose running step is past its due date, by that step (every step listed). */
  readonly overdueByStep: readonly { readonly step: ReviewStep; readonly cases: number }[];
  /** Open cases per reviewer who holds any, with how many wait on the citizen and how many are overdue. */
  readonly workload: readonly {
    readonly reviewerId: string;
    readonly open: number;
    readonly awaitingCitizen: number;
    readonly overdue: number;
  }[];
  /**
   * Law 39/2015 art. 40.2: a notification goes out within ten days of the act it notifies.
   * Resolved cases whose notification is still to be made available, those past the limit,
   * and the earliest limit among them.
   */
  readonly notificationLimit: {
    readonly pending: number;
    readonly overdue: number;
    readonly nextDueOn: IsoDate | null;
  };
}

export interface QueueFilters {
  readonly status?: QueueStatus;
  readonly procedure?: Procedure;
  readonly provinceCode?: string;
  readonly reviewerId?: string;
  /** Only cases whose running step is past its due date. */
  readonly overdue?: boolean;
}

export interface QueueItem {
  readonly caseId: string;
  readonly procedure: string;
  readonly provinceCode: string;
  readonly reviewerId: string | null;
  readonly status: QueueStatus;
  readonly openedAt: Date;
  readonly statusChangedAt: Date;
  readonly dueStep: string | null;
  readonly dueOn: IsoDate | null;
  /** The running step is past its due date (today, Madrid). */
  readonly overdue: boolean;
  /** The deadline worker has recorded that expiry. */
  readonly deadlineExpiryRecorded: boolean;
  readonly resolvedAt: Date | null;
  readonly outcome: string | null;
}

export interface QueuePage {
  readonly items: readonly QueueItem[];
  /** Pass as `cursor` for the next page; null on the last one. */
  readonly next: string | null;
}

/** Where a page ends: the last case's sort key (its due date, or the far future without one) and its id. */
interface QueueCursor {
  readonly dueKey: IsoDate;
  readonly caseId: string;
}

/** The sort key of a case with no running deadline: after every real due date. */
export const NO_DUE_DATE: IsoDate = '9999-12-31';

const encodeCursor = (cursor: QueueCursor): string =>
  encodeKeysetCursor({ at: new Date(`${cursor.dueKey}T00:00:00.000Z`), id: cursor.caseId });

/** Undefined when `value` is not a cursor this read model handed out. */
export function decodeQueueCursor(value: string): QueueCursor | undefined {
  const position = decodeKeysetCursor(value);
  return position && { dueKey: position.at.toISOString().slice(0, 10), caseId: position.id };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKS = 12;

/** The query texts, exported so the integration test can EXPLAIN exactly what runs. */
export const QUEUE_QUERIES = {
  unassigned: `SELECT count(*) AS n FROM review_queue WHERE unit_id = $1 AND status = 'open'`,
  awaitingCitizen: `SELECT count(*) AS n FROM review_queue WHERE unit_id = $1 AND status = 'awaiting-citizen'`,
  mine: `SELECT count(*) AS n FROM review_queue
         WHERE unit_id = $1 AND reviewer_id = $2 AND status = ANY($3::text[])`,
  overdue: `SELECT count(*) AS n FROM review_queue WHERE unit_id = $1 AND due_on < $2::date`,
  /** $2 the open statuses; $3, $4, $5 the instants 8, 31 and 91 days ago. */
  ageing: `SELECT count(*) FILTER (WHERE opened_at > $3) AS "0-7",
                  count(*) FILTER (WHERE opened_at <= $3 AND opened_at > $4) AS "8-30",
                  count(*) FILTER (WHERE opened_at <= $4 AND opened_at > $5) AS "31-90",
                  count(*) FILTER (WHERE opened_at <= $5) AS ">90"
           FROM review_queue WHERE unit_id = $1 AND status = ANY($2::text[])`,
  resolvedPerWeek: `SELECT (date_trunc('week', resolved_at AT TIME ZONE 'Europe/Madrid'))::date::text AS "weekStart",
                           count(*) AS n
                    FROM review_queue WHERE unit_id = $1 AND resolved_at >= $2
                    GROUP BY 1`,
  /** $2 the open statuses. */
  backlog: `SELECT status, count(*) AS n FROM review_queue
            WHERE unit_id = $1 AND status = ANY($2::text[]) GROUP BY status`,
  overdueByStep: `SELECT due_step AS step, count(*) AS n FROM review_queue
                  WHERE unit_id = $1 AND due_on < $2::date GROUP BY due_step`,
  /** $2 the open statuses, $3 today. */
  workload: `SELECT reviewer_id AS "reviewerId", count(*) AS open,
                    count(*) FILTER (WHERE status = 'awaiting-citizen') AS "awaitingCitizen",
                    count(*) FILTER (WHERE due_on < $3::date) AS overdue
             FROM review_queue
             WHERE unit_id = $1 AND reviewer_id IS NOT NULL AND status = ANY($2::text[])
             GROUP BY reviewer_id ORDER BY reviewer_id`,
  /** $2 the step that runs from resolution to notification, $3 today. */
  notificationLimit: `SELECT count(*) AS pending, count(*) FILTER (WHERE due_on < $3::date) AS overdue,
                             min(due_on)::text AS "nextDueOn"
                      FROM review_queue WHERE unit_id = $1 AND due_on IS NOT NULL AND due_step = $2`,
} as const;

/** The queue's page query for some filters: every filter is a bound parameter, none is spliced. */
export function queuePageQuery(
  unit: string,
  filters: QueueFilters,
  cursor: QueueCursor | undefined,
  today: IsoDate,
  limit: number,
): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const where = [`unit_id = ${bind(unit)}`];
  if (filters.status) where.push(`status = ${bind(filters.status)}`);
  if (filters.procedure) where.push(`procedure = ${bind(filters.procedure)}`);
  if (filters.provinceCode) where.push(`province_code = ${bind(filters.provinceCode)}`);
  if (filters.reviewerId) where.push(`reviewer_id = ${bind(filters.reviewerId)}`);
  if (filters.overdue) where.push(`due_key < ${bind(today)}::date`);
  if (cursor) where.push(`(due_key, case_id) > (${bind(cursor.dueKey)}::date, ${bind(cursor.caseId)})`);
  const todayParam = bind(today);
  const text = `SELECT case_id AS "caseId", procedure, province_code AS "provinceCode", reviewer_id AS "reviewerId",
      status, opened_at AS "openedAt", status_changed_at AS "statusChangedAt", due_step AS "dueStep",
      due_on::text AS "dueOn", COALESCE(due_on < ${todayParam}::date, false) AS overdue,
      overdue AS "deadlineExpiryRecorded", resolved_at AS "resolvedAt", outcome
    FROM review_queue WHERE ${where.join(' AND ')}
    ORDER BY due_key, case_id LIMIT ${bind(limit + 1)}`;
  return { text, params };
}

/** ISO 8601 week label ('2026-W48') of a Monday. */
function isoWeek(monday: IsoDate): string {
  const thursday = new Date(`${addCalendarDays(monday, 3)}T00:00:00Z`);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(
    Date.UTC(year, 0, 1 + ((4 - new Date(Date.UTC(year, 0, 1)).getUTCDay() + 7) % 7)),
  );
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const mondayOf = (day: IsoDate): IsoDate => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addCalendarDays(day, -((weekday + 6) % 7));
};

/** Queries over the review queue for units' dashboards and case lists; always within one unit. */
export class ReviewQueue {
  constructor(private readonly sql: SqlClient) {}

  async dashboard(unit: string, me: string, now: Date): Promise<UnitDashboard> {
    const today = madridDateOf(now);
    const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const firstMonday = addCalendarDays(mondayOf(today), -7 * (WEEKS - 1));
    // One snapshot for every figure: counted separately while the projection commits, the
    // numbers would not add up (a case resolved between two queries counted in both).
    const [unassigned, awaitingCitizen, mine, overdue, [ageing], weeks, backlog, late, workload, [limit]] =
      await this.sql.transaction(async (tx) => {
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const count = async (text: string, params: unknown[]) =>
          Number((await tx.query<{ n: string }>(text, params))[0]?.n ?? 0);
        return [
          await count(QUEUE_QUERIES.unassigned, [unit]),
          await count(QUEUE_QUERIES.awaitingCitizen, [unit]),
          await count(QUEUE_QUERIES.mine, [unit, me, ['assigned', 'awaiting-citizen', 'evaluated']]),
          await count(QUEUE_QUERIES.overdue, [unit, today]),
          await tx.query<Record<'0-7' | '8-30' | '31-90' | '>90', string>>(QUEUE_QUERIES.ageing, [
            unit,
            OPEN_STATUSES,
            ago(8),
            ago(31),
            ago(91),
          ]),
          await tx.query<{ weekStart: string; n: string }>(QUEUE_QUERIES.resolvedPerWeek, [
            unit,
            startOfMadridDay(firstMonday),
          ]),
          await tx.query<{ status: string; n: string }>(QUEUE_QUERIES.backlog, [unit, OPEN_STATUSES]),
          await tx.query<{ step: string; n: string }>(QUEUE_QUERIES.overdueByStep, [unit, today]),
          await tx.query<{ reviewerId: string; open: string; awaitingCitizen: string; overdue: string }>(
            QUEUE_QUERIES.workload,
            [unit, OPEN_STATUSES, today],
          ),
          await tx.query<{ pending: string; overdue: string; nextDueOn: string | null }>(
            QUEUE_QUERIES.notificationLimit,
            [unit, 'notifyResolution' satisfies ReviewStep, today],
          ),
        ] as const;
      });
    const resolved = new Map(weeks.map((w) => [w.weekStart, Number(w.n)]));
    return {
      unit,
      today,
      counts: { unassigned, mine, awaitingCitizen, overdue },
      ageing: {
        '0-7': Number(ageing?.['0-7'] ?? 0),
        '8-30': Number(ageing?.['8-30'] ?? 0),
        '31-90': Number(ageing?.['31-90'] ?? 0),
        '>90': Number(ageing?.['>90'] ?? 0),
      },
      resolvedPerWeek: Array.from({ length: WEEKS }, (_, i) => {
        const weekStart = addCalendarDays(firstMonday, 7 * i);
        return { week: isoWeek(weekStart), weekStart, resolved: resolved.get(weekStart) ?? 0 };
      }),
      backlog: OPEN_STATUSES.map((status) => ({
        status,
        cases: Number(backlog.find((row) => row.status === status)?.n ?? 0),
      })),
      overdueByStep: REVIEW_STEPS.map((step) => ({
        step,
        cases: Number(late.find((row) => row.step === step)?.n ?? 0),
      })),
      workload: workload.map((row) => ({
        reviewerId: row.reviewerId,
        open: Number(row.open),
        awaitingCitizen: Number(row.awaitingCitizen),
        overdue: Number(row.overdue),
      })),
      notificationLimit: {
        pending: Number(limit?.pending ?? 0),
        overdue: Number(limit?.overdue ?? 0),
        nextDueOn: limit?.nextDueOn ?? null,
      },
    };
  }

  /** A page of the unit's cases, soonest due first (no deadline last); `cursor` is a previous page's `next` (checked by the caller). */
  async cases(
    unit: string,
    filters: QueueFilters,
    page: { limit: number; cursor?: string },
    now: Date,
  ): Promise<QueuePage> {
    const cursor = page.cursor === undefined ? undefined : decodeQueueCursor(page.cursor);
    if (page.cursor !== undefined && !cursor) throw new Error(`Not a queue cursor: ${page.cursor}`);
    const query = queuePageQuery(unit, filters, cursor, madridDateOf(now), page.limit);
    const rows = await this.sql.query<QueueItem>(query.text, query.params);
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    return {
      items,
      next:
        rows.length > page.limit && last
          ? encodeCursor({ dueKey: last.dueOn ?? NO_DUE_DATE, caseId: last.caseId })
          : null,
    };
  }
}
