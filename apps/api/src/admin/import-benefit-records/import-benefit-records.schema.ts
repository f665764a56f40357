import { z } from 'zod';
import { isValidIdentityNumber, normaliseIdentityNumber, provinceFor } from '@expediente/domain';
import { line } from '@expediente/infra/validation/text';

const record = z.object({
  subject: line(32)
    .transform(normaliseIdentityNumber)
    .refine(isValidIdentityNumber, 'must be a valid DNI or NIE')
    .meta({ example: '12345678Z' }),
  benefitRequestRef: line(100).meta({ example: 'INSS-2026-000123' }),
  provinceCode: z
    .string()
    .refine((code) => {
      try {
        return Boolean(provinceFor(code));
      } catch {
        return false;
      }
    }, 'must be a Spanish province code (INE, two digits)')
    .meta({ example: '08' }),
  benefit: line(200).meta({ example: 'Incapacidad permanente' }),
  active: z.boolean(),
});
export const importBenefitRecordsRequest = z.object({ records: z.array(record).min(1).max(10_000) });
export type BenefitRecordsImport = z.infer<typeof importBenefitRecordsRequest>;

export const importBenefitRecordsResponse = z.object({
  imported: z.number().int().meta({ description: 'Records written (new or changed).', example: 2 }),
});
