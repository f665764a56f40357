import type { Event } from '../shared/decider';
import type { IsoDate } from '../shared/calendar';

/** The e-office procedures a power can cover (Order ISM/189/2021 lists them per procedure). */
export type Procedure = 'medical-report-submission' | 'entitlement-application' | 'notifications';

export const PROCEDURES: readonly Procedure[] = [
  'medical-report-submission',
  'entitlement-application',
  'notifications',
];

export type PowerGranted = Event<
  'PowerGranted',
  {
    powerId: string;
    principal: string;
    proxy: string;
    procedures: readonly Procedure[];
    validFrom: IsoDate;
    validUntil: IsoDate;
    /** ISO instant. */
    grantedAt: string;
  }
>;

export type PowerAccepted = Event<'PowerAccepted', { powerId: string; proxy: string; acceptedAt: string }>;

export type PowerRevoked = Event<
  'PowerRevoked',
  { powerId: string; principal: string; revokedAt: string; reason?: string }
>;

export type PowerOfAttorneyEvent = PowerGranted | PowerAccepted | PowerRevoked;
