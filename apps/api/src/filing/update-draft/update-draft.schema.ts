import { z } from 'zod';
import { prose } from '@expediente/infra/validation/text';
import { beneficiary, benefitRequestRef, provinceCode } from '../filing.schema';

/** Omitted fields keep their value. */
export const updateMedicalReportsDraftRequest = z.object({
  benefitRequestRef: benefitRequestRef.optional(),
  provinceCode: provinceCode.optional(),
});
export const updateEntitlementApplicationDraftRequest = z.object({
  provinceCode: provinceCode.optional(),
  beneficiaries: z.array(beneficiary).max(20).optional(),
  remarks: prose(2000)
    .optional()
    .meta({ description: 'An empty string clears them; refused while an application form is attached.' }),
  paperOptOut: z.boolean().optional(),
});

/** One draft change, typed by its procedure. */
export type DraftUpdate =
  | {
      readonly procedure: 'medical-reports';
      readonly body: z.infer<typeof updateMedicalReportsDraftRequest>;
    }
  | {
      readonly procedure: 'entitlement-applications';
      readonly body: z.infer<typeof updateEntitlementApplicationDraftRequest>;
    };
