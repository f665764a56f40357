import type { Response } from 'express';
import { provinceFor } from '@expediente/domain';
import type { StaffDirectory } from '@expediente/infra/staff/staff-directory.port';
import { renderError } from '../views';
import type { WebContext } from '../web-context';
import type { StaffApi, StaffReview, TimelineEntry } from './staff-api';

/** What a reviewer's form carries besides its fields: the version they saw and what they saw of it. */
export interface Seen {
  readonly version: number;
  readonly status: string;
  readonly reviewerId: string;
  readonly entries: number;
}

export function seenOf(body: Record<string, unknown>): Seen | undefined {
  const version = Number(body.version);
  if (!Number.isInteger(version) || version < 0) return undefined;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const entries = Number(body.seenEntries);
  return {
    version,
    status: text(body.seenStatus),
    reviewerId: text(body.seenReviewer),
    entries: Number.isInteger(entries) && entries >= 0 ? entries : 0,
  };
}

export const seenFields = (review: StaffReview, timeline: readonly TimelineEntry[] | undefined) => ({
  version: review.version,
  seenStatus: review.status,
  seenReviewer: review.reviewerId ?? '',
  seenEntries: timeline?.length ?? 0,
});

export const provinceName = (code: string): string => {
  try {
    return provinceFor(code).name;
  } catch {
    return code;
  }
};

export async function namesOf(directory: StaffDirectory, unit: string): Promise<Map<string, string>> {
  return new Map((await directory.inUnit(unit)).map((m) => [m.id, m.name]));
}

export function notFound(res: Response, web: WebContext): void {
  res
    .status(404)
    .type('html')
    .send(renderError(web, 404, 'notFound'));
}

/** A refusal that means the case moved on since the form was drawn: shown as what changed, not as an error. */
export const isConcurrentChange = (status: number, code: string): boolean =>
  status === 412 ||
  (status === 409 &&
    [
      'CONCURRENT_MODIFICATION',
      'CASE_NOT_ASSIGNED',
      'CASE_NOT_EVALUATED',
      'CASE_AWAITING_INFORMATION',
      'CASE_ALREADY_EVALUATED',
      'CASE_ALREADY_RESOLVED',
      'CASE_ALREADY_CLOSED',
      'ALREADY_WITHDRAWN',
      'CASE_ALREADY_ASSIGNED',
    ].includes(code));

/** "Here is what changed": the review then and now, and the history's steps after the ones they saw. */
export async function changesSince(
  seen: Seen,
  api: StaffApi,
  caseId: string,
  web: WebContext,
  names: ReadonlyMap<string, string>,
): Promise<{ review?: StaffReview; changed: Record<string, unknown> }> {
  const [current, timeline] = await Promise.all([api.review(caseId), api.timeline(caseId)]);
  const review = current.ok ? current.value : undefined;
  const who = (id: string) => (id ? (names.get(id) ?? id) : web.t('staff.unassigned'));
  const lines: string[] = [];
  if (review && review.status !== seen.status)
    lines.push(
      web.t('staff.changed.status', {
        before: web.t(`staff.status.${seen.status}`),
        after: web.t(`staff.status.${review.status}`),
      }),
    );
  if (review && (review.reviewerId ?? '') !== seen.reviewerId)
    lines.push(
      web.t('staff.changed.assignee', { before: who(seen.reviewerId), after: who(review.reviewerId ?? '') }),
    );
  return {
    review,
    changed: { lines, entries: timeline ? timeline.slice(seen.entries) : [], timelineKnown: !!timeline },
  };
}
