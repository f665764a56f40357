import { z } from 'zod';
import type { Refusal } from '../openapi/operation.decorator';

/** What `SigningCodeService.requestCode` answers: where the SMS went (masked) and until when the code holds. */
export const signingCodeSent = z.object({
  sentTo: z.string().meta({ description: 'The registered mobile, masked.', example: '+********222' }),
  expiresAt: z.iso.datetime().meta({ example: '2026-03-02T09:25:00.000Z' }),
});
export type SigningCodeSent = z.infer<typeof signingCodeSent>;

/** Refusals of every request for a signing code, whatever is being signed. */
export const SIGNING_CODE_REFUSALS: readonly Refusal[] = [
  { status: 409, codes: ['SIGNING_CODE_NOT_NEEDED'] },
  { status: 422, codes: ['NO_REGISTERED_MOBILE'] },
  { status: 429, codes: ['RATE_LIMITED', 'SIGNING_CODE_ATTEMPTS_EXHAUSTED'] },
  { status: 502, codes: ['SMS_NOT_SENT'] },
  { status: 503, codes: ['RATE_LIMIT_UNAVAILABLE'] },
];
