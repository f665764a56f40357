import { z } from 'zod';
import { prose } from '@expediente/infra/validation/text';
import { beneficiary, benefitRequestRef, provinceCode, subject } from '../filing.schema';

export const createMedicalReportsDraftRequest = z.object({ subject, benefitRequestRef, provinceCode });
export const createEntitlementApplicationDraftRequest = z.object({
  subject,
  provinceCode,
  beneficiaries: z.array(beneficiary).max(20),
  remarks: prose(2000)
    .optional()
    .meta({ description: 'The application itself, when no application form is attached.' }),
  paperOptOut: z
    .boolean()
    .default(false)
    .meta({ description: 'Do not also send the resolution to the postal address.' }),
});

/** One draft to create, typed by its procedure. */
export type NewDraft =
  | {
      readonly procedure: 'medical-reports';
      readonly body: z.infer<typeof createMedicalReportsDraftRequest>;
    }
  | {
      readonly procedure: 'entitlement-applications';
      readonly body: z.infer<typeof createEntitlementApplicationDraftRequest>;
    };
