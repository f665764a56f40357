import { checkDetachedSignature } from '@expediente/infra/seal/seal-verify';

/**
 * Checks a detached CMS signature the way an outside verifier would (libs/infra/src/seal/seal-verify.ts).
 * `signer` is the certificate's subject as Node prints it.
 */
export function verifyDetachedCms(p7s: Buffer, content: Buffer): { valid: boolean; signer: string } {
  const check = checkDetachedSignature(p7s, content);
  if (!check.certificate) throw new Error(check.problem ?? 'unreadable signature');
  return { valid: check.valid, signer: check.certificate.subject };
}
