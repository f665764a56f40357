import { z } from 'zod';
import { ACCEPTED_CONTENT_TYPES, ATTACHMENT_KINDS } from '@expediente/domain';
import { calendarDate, line } from '@expediente/infra/validation/text';
import { blobHash } from '../problem/blob-hash-param';
import { FILING_SLUGS } from './procedures';

/** Schemas both filings' slices share: their requests' fields and what their answers hold. */

export const CASE_ID_EXAMPLE = '3f2b8c1e-6d4a-4e8b-9a57-1c0d2e3f4a5b';
export const procedureSlug = z.enum(FILING_SLUGS);

export const subject = line(32).meta({
  description: 'DNI or NIE of the person the filing concerns (the filer, or whom they represent).',
  example: '12345678Z',
});
export const provinceCode = z
  .string()
  .regex(/^\d{2}$/, 'must be a two-digit INE province code, e.g. "08"')
  .meta({ description: 'INE province code the filing is addressed to.', example: '08' });
export const benefitRequestRef = line(100).meta({
  description: 'The benefit request under evaluation the reports are for (the "NOTES" reference).',
  example: 'INSS-2026-000123',
});
export const beneficiary = z.object({
  identityNumber: line(32).optional().meta({ example: '87654321X' }),
  name: line(200).meta({ example: 'Lucía García Pérez' }),
  birthDate: calendarDate.meta({ example: '2019-04-12' }),
});

export const draftVersion = z.object({
  caseId: z.uuid().meta({ example: CASE_ID_EXAMPLE }),
  version: z.number().int().meta({ description: 'The draft stream version; also its ETag.', example: 0 }),
});

export const attachment = z.object({
  blobHash,
  filename: z.string().meta({ example: 'informe-cardiologia.pdf' }),
  contentType: z.enum(ACCEPTED_CONTENT_TYPES),
  size: z.number().int().meta({ description: 'Bytes.', example: 48213 }),
  kind: z.enum(ATTACHMENT_KINDS).meta({ example: 'medical-report' }),
});

const registryEntry = z.object({
  number: z.string().meta({ example: '2026/000042' }),
  registeredAt: z.iso.datetime().meta({ example: '2026-03-02T09:15:00.000Z' }),
});
const unit = z.object({
  id: z.string().meta({ example: 'INSS-08' }),
  name: z.string().meta({ example: 'INSS Barcelona' }),
});

/** A filing as its filer reads it: the draft's fields, and the register's once submitted. */
const filingView = z.object({
  status: z.enum(['draft', 'submitted', 'withdrawn']),
  caseId: z.uuid().meta({ example: CASE_ID_EXAMPLE }),
  filer: z.string().meta({ example: '12345678Z' }),
  subject: z.string().meta({ example: '12345678Z' }),
  provinceCode: z.string().meta({ example: '08' }),
  attachments: z.array(attachment),
  filing: z
    .object({
      registryEntry,
      receiptCsv: z.string().meta({ example: 'K7Q2M9X4B3H8P5T1' }),
      signedWith: z.enum(['certificate', 'clave-permanente', 'clave-movil']),
    })
    .optional()
    .meta({ description: 'Once submitted: the register entry and how it was signed.' }),
  unit: unit.extend({ kind: z.enum(['INSS', 'ICAM']) }).optional(),
  submittedAt: z.iso.datetime().optional(),
  withdrawnAt: z.iso.datetime().optional(),
  version: z.number().int().meta({ example: 3 }),
});
export const medicalReportsView = filingView.extend({ benefitRequestRef: z.string() });
export const entitlementApplicationView = filingView.extend({
  beneficiaries: z.array(beneficiary),
  remarks: z.string().optional(),
  paperOptOut: z.boolean(),
});

export const submissionReceipt = z.object({
  caseId: z.uuid().meta({ example: CASE_ID_EXAMPLE }),
  registryEntry,
  receiptCsv: z.string().meta({ description: 'The verification code (CSV).', example: 'K7Q2M9X4B3H8P5T1' }),
  unit,
  links: z.object({
    status: z.string().meta({ example: `/cases/${CASE_ID_EXAMPLE}` }),
    receipt: z.string().meta({ example: `/cases/${CASE_ID_EXAMPLE}/receipt` }),
    verify: z.string().meta({ example: '/verify/K7Q2M9X4B3H8P5T1' }),
  }),
});
export type SubmissionReceipt = z.infer<typeof submissionReceipt>;
