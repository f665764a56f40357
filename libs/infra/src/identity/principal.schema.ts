import { z } from 'zod';
import { medicalUnitFor, PROVINCES } from '@expediente/domain/reference/provinces';
import { E164_NUMBER } from '../sms/sms.port';
import { line } from '../validation/text';
import { LEVELS_OF_ASSURANCE, PRINCIPAL_ROLES } from './identity-provider.port';

export const e164 = z.string().regex(E164_NUMBER, 'must be an E.164 number such as +34600000000');

const MEDICAL_UNITS = new Set<string>(PROVINCES.map((province) => medicalUnitFor(province.code).id));

/** Staff in these roles work one unit's queue or dashboard, so a login without a unit is useless to them. */
const ROLES_WITH_A_UNIT = new Set<string>(['reviewer', 'supervisor']);

/**
 * The shape of a principal, shared by the token's claims and the dev login body. The DNI/NIE
 * checksum is not checked here: the provider refuses it with its own code (INVALID_IDENTITY_NUMBER).
 */
export const principalSchema = z
  .object({
    subject: line(32),
    name: line(200),
    roles: z
      .array(z.enum(PRINCIPAL_ROLES))
      .min(1)
      .refine((roles) => new Set(roles).size === roles.length, 'must not repeat a role'),
    levelOfAssurance: z.enum(LEVELS_OF_ASSURANCE),
    unit: z
      .string()
      .refine((unit) => MEDICAL_UNITS.has(unit), "must be a medical unit id such as 'INSS-28' or 'ICAM'")
      .optional(),
    mobile: e164.optional(),
  })
  .strict()
  .refine((p) => p.unit !== undefined || !p.roles.some((role) => ROLES_WITH_A_UNIT.has(role)), {
    message: 'is required for reviewers and supervisors',
    path: ['unit'],
  });
