/**
 * What changed between two states, as paths into them with the value before and after: the
 * auditor's "what did this event do". States are plain data (what events carry), so a structural
 * comparison is exact; an absent (or undefined) field and a missing one are the same.
 */
import type { ExpedienteEvent } from '../expediente-events';
import { evolveAuditedCase, snapshotOf, type AuditedCase } from './audited-case';

export interface StateChange {
  /** `review.status`, `filing.attachments[1].blobHash`, `notifications["…"].status`. */
  readonly path: string;
  /** Absent: the field did not exist before. */
  readonly from?: unknown;
  /** Absent: the field no longer exists. */
  readonly to?: unknown;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const child = (path: string, key: string): string =>
  IDENTIFIER.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;

const change = (path: string, from: unknown, to: unknown): StateChange => ({
  path,
  ...(from !== undefined && { from }),
  ...(to !== undefined && { to }),
});

export function diffStates(before: unknown, after: unknown, path = ''): StateChange[] {
  if (before === after) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => diffStates(before[i], after[i], `${path}[${i}]`)).flat();
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffStates(before[key], after[key], child(path, key)));
  }
  if (before === undefined && after === undefined) return [];
  return [change(path, before, after)];
}

export interface EventChanges<E> {
  readonly event: E;
  readonly changes: readonly StateChange[];
}

/** Each event folded in turn, with what it changed in the case's snapshot. */
export function replayChanges<E extends ExpedienteEvent>(
  start: AuditedCase,
  events: readonly E[],
): { readonly end: AuditedCase; readonly steps: readonly EventChanges<E>[] } {
  let state = start;
  const steps = events.map((event) => {
    const next = evolveAuditedCase(state, event);
    const changes = diffStates(snapshotOf(state), snapshotOf(next));
    state = next;
    return { event, changes };
  });
  return { end: state, steps };
}

const within = (inner: string, outer: string): boolean =>
  inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);

/** Whether a change at one path lies within, or encloses, a change at the other. */
export const pathsOverlap = (path: string, other: string): boolean =>
  within(path, other) || within(other, path);
