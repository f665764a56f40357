import { z } from 'zod';

/** The code texted to the signer's phone; every signed request carries it the same way. */
export const signingCode = z
  .string()
  .regex(/^\d{6}$/, 'must be the 6 digits sent by SMS')
  .meta({ example: '123456', description: 'The 6-digit code sent by SMS to sign this request.' });

/** A request whose only content is the signature: the code when the signer's assurance needs one. */
export const signedRequest = z.object({ signingCode: signingCode.optional() });
