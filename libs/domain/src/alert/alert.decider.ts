/**
 * An alert (stream alert-<alertId>): recorded once, sent or failed. Recording it again is no
 * refusal but nothing at all, because the worker may run the same job any number of times.
 */
import type { Decider } from '../shared/decider';
import type { AlertCommand, RecordAlert } from './alert.commands';
import type { AlertEvent } from './alert.events';

export type Alert =
  { readonly status: 'none' } | { readonly status: 'sent' | 'failed'; readonly alertId: string };

export const initialState = (): Alert => ({ status: 'none' });

export const evolve = (state: Alert, event: AlertEvent): Alert => {
  if (state.status !== 'none') return state;
  switch (event.type) {
    case 'AlertSent':
      return { status: 'sent', alertId: event.data.alertId };
    case 'AlertFailed':
      return { status: 'failed', alertId: event.data.alertId };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};

/** Sent when any channel took it; failed otherwise, saying whether there was anywhere to send it. */
export const recordAlert = ({ data, metadata }: RecordAlert, state: Alert): AlertEvent[] => {
  if (state.status !== 'none') return [];
  const at = metadata.now.toISOString();
  if (data.attempts.some((attempt) => attempt.outcome === 'sent'))
    return [{ type: 'AlertSent', data: { ...data, sentAt: at } }];
  const reason = data.attempts.length === 0 ? 'no-contact-data' : 'every-channel-failed';
  return [{ type: 'AlertFailed', data: { ...data, reason, failedAt: at } }];
};

/** One command: the switch a wider union needs would have a single case here. */
export const decide = (command: AlertCommand, state: Alert): AlertEvent[] => recordAlert(command, state);

export const alertDecider: Decider<AlertCommand, AlertEvent, Alert> = { initialState, evolve, decide };
