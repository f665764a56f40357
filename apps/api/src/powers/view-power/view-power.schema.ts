import { z } from 'zod';
import { PROCEDURES, type RecordedPower } from '@expediente/domain';

const instant = z.iso.datetime().meta({ example: '2026-01-15T10:00:00.000Z' });
const identityNumber = (description: string) => z.string().meta({ description, example: '12345678Z' });

export const procedure = z.enum(PROCEDURES).meta({ description: 'An e-office procedure a power can cover.' });
export const powerId = z.uuid().meta({ example: '9b2e4c1a-6f3d-4e8b-a7c5-0d1e2f3a4b5c' });

/** A power of attorney as its own stream tells it: its terms, and when it was accepted or revoked. */
export const powerView = z.object({
  powerId,
  status: z.enum(['granted', 'accepted', 'revoked']).meta({
    description: 'In force only once accepted, within its period, and until revoked.',
  }),
  terms: z.object({
    powerId,
    principal: identityNumber('DNI/NIE of who granted it.'),
    proxy: identityNumber('DNI/NIE of who may act by it.'),
    procedures: z.array(procedure),
    validFrom: z.iso.date().meta({ description: 'Madrid calendar day, included.', example: '2026-01-01' }),
    validUntil: z.iso.date().meta({ description: 'Madrid calendar day, included.', example: '2026-12-31' }),
    grantedAt: instant,
  }),
  acceptedAt: instant.optional(),
  revokedAt: instant.optional(),
});
export type PowerView = { readonly powerId: string } & RecordedPower;
