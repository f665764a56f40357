import { z } from 'zod';

export const signingCodeSent = z.object({
  sentTo: z.string().meta({ description: 'The registered mobile, masked.', example: '+34 6•• ••• •22' }),
  expiresAt: z.iso.datetime().meta({ example: '2026-03-02T09:20:00.000Z' }),
});
export type SigningCodeSent = z.infer<typeof signingCodeSent>;
