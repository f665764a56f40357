import type { z } from 'zod';
import { signedRequest } from '../../commands/signing.schema';

/** Accepting says nothing but yes: the signature is the whole request. */
export const acceptanceRequest = signedRequest;
export type AcceptanceRequest = z.infer<typeof acceptanceRequest>;
