import { verifyCms } from '@expediente/infra/seal/cms-verify';

/**
 * Checks a detached CMS signature the way an outside verifier would (libs/infra/src/seal/cms-verify.ts,
 * which the log verifier uses for checkpoints too). `signer` is the certificate's subject as Node prints it.
 */
export function verifyDetachedCms(p7s: Buffer, content: Buffer): { valid: boolean; signer: string } {
  const { valid, signer } = verifyCms(p7s, content);
  return { valid, signer };
}
