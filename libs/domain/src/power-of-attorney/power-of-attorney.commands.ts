import type { Command } from '../shared/command-metadata';
import type { IsoDate } from '../shared/calendar';
import type { Procedure } from './power-of-attorney.events';

/** The principal is the actor in the metadata: nobody grants a power in someone else's name. */
export type GrantPower = Command<
  'GrantPower',
  {
    powerId: string;
    proxy: string;
    procedures: readonly Procedure[];
    validFrom: IsoDate;
    validUntil: IsoDate;
  }
>;

export type AcceptPower = Command<'AcceptPower', { powerId: string }>;

export type RevokePower = Command<'RevokePower', { powerId: string; reason?: string }>;

export type PowerOfAttorneyCommand = GrantPower | AcceptPower | RevokePower;
