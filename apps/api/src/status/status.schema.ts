import { z } from 'zod';
import { PROCEDURES } from '@expediente/domain';

/** What citizens see of a case: the read model's view, as JSON. */
export const caseStatusView = z.object({
  caseId: z.uuid().meta({ example: '3f2b8c1e-6d4a-4e8b-9a57-1c0d2e3f4a5b' }),
  procedure: z.enum(PROCEDURES),
  filer: z.string().meta({ example: '12345678Z' }),
  subject: z.string().meta({ example: '12345678Z' }),
  status: z.enum(['draft', 'submitted', 'routed', 'withdrawn']),
  provinceCode: z.string().nullable().meta({ example: '08' }),
  unit: z
    .object({
      id: z.string().meta({ example: 'INSS-08' }),
      name: z.string().meta({ example: 'INSS Barcelona' }),
    })
    .nullable(),
  registryEntry: z
    .object({
      number: z.string().meta({ example: '2026/000042' }),
      registeredAt: z.iso.datetime().meta({ example: '2026-03-02T09:15:00.000Z' }),
    })
    .nullable(),
  receipt: z.object({
    status: z.enum(['none', 'pending', 'ready']),
    csv: z.string().nullable().meta({ example: 'K7Q2M9X4B3H8P5T1' }),
  }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
