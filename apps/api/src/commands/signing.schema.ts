import { z } from 'zod';

/** The one-time code a Cl@ve permanente user confirms a signature with. */
export const signingCode = z.string().regex(/^\d{6}$/, 'must be the 6 digits sent by SMS');

/** The body of a signed command with nothing else to say: the code, when the level of assurance needs one. */
export const signedRequest = z.object({ signingCode: signingCode.optional() });
