import { z } from 'zod';

export const verification = z
  .object({
    csv: z.string().meta({ example: 'K7Q2M9X4B3H8P5T1' }),
    kind: z
      .string()
      .meta({ description: 'proof-of-receipt, or the kind of letter.', example: 'proof-of-receipt' }),
    registryEntry: z
      .object({ number: z.string(), registeredAt: z.iso.datetime() })
      .optional()
      .meta({ description: 'For a proof of receipt.' }),
    facts: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'What the proof of receipt states.' }),
    caseId: z.uuid().optional().meta({ description: 'For a letter.' }),
    issuedAt: z.iso.datetime().optional().meta({ description: 'For a letter.' }),
    pdfSha256: z.string().meta({ description: 'The sha-256 of the original PDF, to compare a copy with.' }),
    links: z.object({
      pdf: z.string().meta({ example: '/verify/K7Q2M9X4B3H8P5T1/document.pdf' }),
      signature: z.string().meta({ example: '/verify/K7Q2M9X4B3H8P5T1/document.pdf.p7s' }),
    }),
  })
  .meta({ description: 'The office’s record of the document with this CSV.' });
