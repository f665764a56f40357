import { SqlExecutor } from '../sql/sql-client';

/**
 * Plausible queue rows straight from SQL (generate_series), for query-plan tests and the
 * dashboard benchmark: rows `from`..`from + count - 1` spread evenly over `units`, opened over
 * the last 400 days, in every status, with due dates (some past) and resolutions.
 */
export async function insertSyntheticQueue(
  sql: SqlExecutor,
  { from, count, units, now }: { from: number; count: number; units: readonly string[]; now: Date },
): Promise<void> {
  await sql.query(
    `INSERT INTO review_queue (case_id, unit_id, procedure, province_code, reviewer_id, status, opened_at,
       status_changed_at, routed_on, due_step, due_on, overdue, resolved_at, outcome, last_position)
     SELECT md5(g::text)::uuid::text, unit, procedure,
            CASE WHEN unit = 'ICAM' THEN '08' ELSE right(unit, 2) END,
            CASE WHEN status = 'open' THEN NULL ELSE 'R' || lpad((g % 12)::text, 8, '0') END,
            status, opened_at, opened_at + interval '1 day', opened_at::date,
            CASE WHEN status IN ('open', 'assigned', 'awaiting-citizen') THEN 'evaluate' END,
            CASE WHEN status IN ('open', 'assigned', 'awaiting-citizen') THEN (opened_at + interval '42 days')::date END,
            false,
            CASE WHEN status IN ('resolved', 'closed') THEN opened_at + interval '20 days' END,
            CASE WHEN status IN ('resolved', 'closed') THEN 'granted' END,
            g
     FROM (
       SELECT g,
              ($3::text[])[1 + (g - $1) % cardinality($3::text[])] AS unit,
              (ARRAY['medical-report-submission', 'entitlement-application'])[1 + g % 2] AS procedure,
              (ARRAY['open', 'assigned', 'assigned', 'awaiting-citizen', 'evaluated', 'resolved', 'resolved',
                     'closed', 'closed', 'withdrawn'])[1 + (g / 7) % 10] AS status,
              $4::timestamptz - (g % 400) * interval '1 day' - (g % 86400) * interval '1 second' AS opened_at
       FROM generate_series($1::bigint, $2::bigint) AS g
     ) AS s`,
    [from, from + count - 1, units, now],
  );
}
