import { z } from 'zod';
import { calendarDate, line } from '@expediente/infra/validation/text';
import { powerId, procedure } from '../view-power/view-power.schema';

export const grantRequest = z.object({
  proxy: line(32).meta({ description: 'DNI/NIE of who may act for you.', example: '23456789D' }),
  procedures: z
    .array(procedure)
    .min(1)
    .meta({ example: ['notifications'] }),
  validFrom: calendarDate.meta({ description: 'First Madrid day it applies.', example: '2026-01-01' }),
  validUntil: calendarDate.meta({ description: 'Last Madrid day it applies.', example: '2026-12-31' }),
});
export type GrantRequest = z.infer<typeof grantRequest>;

export const grantResponse = z.object({ powerId });
export type GrantResponse = z.infer<typeof grantResponse>;
