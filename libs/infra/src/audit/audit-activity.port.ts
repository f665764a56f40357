import type { ExpedienteEventType } from '@expediente/domain';

/**
 * Who did what, when: one entry per event in the log, searchable by actor, case, event type and
 * time (a SQL projection, audit-activity.projection.ts), never a scan of the log.
 */
export interface ActivityFilters {
  /** The metadata's actor: a DNI/NIE, or `system:worker`. */
  readonly actor?: string;
  readonly caseId?: string;
  readonly type?: ExpedienteEventType;
  /** Recorded at or after. */
  readonly from?: Date;
  /** Recorded at or before. */
  readonly to?: Date;
}

export interface ActivityEntry {
  readonly position: number;
  readonly eventId: string;
  readonly stream: string;
  readonly type: string;
  /** Null for events outside any case (a power of attorney granted). */
  readonly caseId: string | null;
  readonly actor: string | null;
  readonly actorName: string | null;
  readonly role: string | null;
  readonly levelOfAssurance: string | null;
  readonly recordedAt: Date;
}

export interface ActivityPage {
  /** By recorded time, then log position. */
  readonly items: readonly ActivityEntry[];
  /** Pass as `cursor` for the next page; null on the last one. */
  readonly next: string | null;
}

export interface AuditActivity {
  search(
    filters: ActivityFilters,
    page: { readonly limit: number; readonly cursor?: string },
  ): Promise<ActivityPage>;
}

export const AUDIT_ACTIVITY = Symbol('AUDIT_ACTIVITY');

/** Where a page ends: the last entry's recorded time and its log position. */
export interface ActivityCursor {
  readonly recordedAt: Date;
  readonly position: number;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const INSTANT = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const POSITION = /^[1-9]\d{0,15}$/;

export const encodeActivityCursor = ({ recordedAt, position }: ActivityCursor): string =>
  Buffer.from(`${recordedAt.toISOString()} ${position}`).toString('base64url');

/** Undefined when `value` is not a cursor a page handed out: exactly what encoding produces (it goes into SQL). */
export function decodeActivityCursor(value: string): ActivityCursor | undefined {
  if (!BASE64URL.test(value)) return undefined;
  const [at = '', position = '', ...rest] = Buffer.from(value, 'base64url').toString('utf8').split(' ');
  if (rest.length > 0 || !INSTANT.test(at) || !POSITION.test(position)) return undefined;
  const recordedAt = new Date(at);
  if (Number.isNaN(recordedAt.getTime()) || recordedAt.toISOString() !== at) return undefined;
  const number = Number(position);
  return Number.isSafeInteger(number) ? { recordedAt, position: number } : undefined;
}
