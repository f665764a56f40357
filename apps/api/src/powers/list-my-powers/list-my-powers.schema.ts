import { z } from 'zod';
import { powerView } from '../view-power/view-power.schema';

const { terms } = powerView.shape;

/** Powers I granted or hold, latest start first, whatever their status (from the read model). */
export const myPowers = z.array(
  z.object({
    powerId: terms.shape.powerId,
    principal: terms.shape.principal,
    proxy: terms.shape.proxy,
    procedures: terms.shape.procedures,
    validFrom: terms.shape.validFrom,
    validUntil: terms.shape.validUntil,
    status: powerView.shape.status,
  }),
);
