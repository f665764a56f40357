import { z } from 'zod';

export const signingCodeSentResponse = z.object({
  sentTo: z.string().meta({ description: 'The registered mobile, masked.', example: '+34 6•• ••• •12' }),
  expiresAt: z.iso.datetime().meta({ example: '2026-11-23T10:05:00.000Z' }),
});
export type SigningCodeSent = z.infer<typeof signingCodeSentResponse>;
