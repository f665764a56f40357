import { z } from 'zod';
import { calendarDate, line, prose } from '@expediente/infra/validation/text';
import { ApiProblem } from '../problem/api-problem';

const province = z.string().regex(/^\d{2}$/, 'must be a two-digit INE province code, e.g. "08"');

const beneficiary = z.object({
  identityNumber: line(32).optional(),
  name: line(200),
  birthDate: calendarDate,
});

export const requests = {
  'medical-reports': {
    create: z.object({
      subject: line(32),
      benefitRequestRef: line(100),
      provinceCode: province,
    }),
    update: z.object({
      benefitRequestRef: line(100).optional(),
      provinceCode: province.optional(),
    }),
  },
  'entitlement-applications': {
    create: z.object({
      subject: line(32),
      provinceCode: province,
      beneficiaries: z.array(beneficiary).max(20),
      remarks: prose(2000).optional(),
      paperOptOut: z.boolean().default(false),
    }),
    update: z.object({
      provinceCode: province.optional(),
      beneficiaries: z.array(beneficiary).max(20).optional(),
      remarks: prose(2000).optional(),
      paperOptOut: z.boolean().optional(),
    }),
  },
} as const;

export { parseBody } from '../problem/parse-body';

export const submitRequest = z.object({
  signingCode: z
    .string()
    .regex(/^\d{6}$/, 'must be the 6 digits sent by SMS')
    .optional(),
});
export const withdrawRequest = z.object({ reason: prose(2000).optional() });

/** If-Match carries the draft version the client edited ("3" or W/"3"). */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match)
    throw new ApiProblem(
      400,
      'INVALID_IF_MATCH',
      'Invalid If-Match',
      'If-Match must be the draft version, e.g. "3".',
    );
  return Number(match[1]);
}
