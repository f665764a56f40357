import { X509Certificate } from 'node:crypto';
import { verifyCms } from '../seal/cms-verify';
import { checkTimeStampToken } from '../timestamp/timestamp-authority.port';
import {
  Checkpoint,
  checkpointHash,
  FIRST_PREVIOUS_HASH,
  headsRoot,
  signedBytes,
  StreamHead,
} from './checkpoint';
import { Findings } from './findings';

/** The certificates a verifier trusts: the server's seal, and the time-stamping authority's if any. */
export interface Trust {
  readonly sealCertificatePem: string;
  readonly timestampAuthorityCertificatePem?: string;
}

/**
 * The checkpoints themselves: numbered 1, 2, … without a gap, each naming the previous one's
 * hash, ranges in order and apart, each hash recomputed from its fields, signed by the trusted
 * seal and, where stamped, by the trusted time-stamping authority. Returns how many were stamped.
 */
export function checkCheckpointChain(
  checkpoints: readonly Checkpoint[],
  trust: Trust,
  findings: Findings,
): number {
  const seal = new X509Certificate(trust.sealCertificatePem).raw;
  let previous: Checkpoint | undefined;
  let stamped = 0;
  for (const checkpoint of checkpoints) {
    const { seq } = checkpoint;
    const expectedSeq = (previous?.seq ?? 0) + 1;
    const expectedPrevious = previous?.hash ?? FIRST_PREVIOUS_HASH;
    if (seq !== expectedSeq || checkpoint.previousHash !== expectedPrevious) {
      findings.add({
        code: 'CHECKPOINT_CHAIN_BROKEN',
        checkpoint: seq,
        message:
          seq === expectedSeq
            ? 'it does not name the previous checkpoint’s hash'
            : `checkpoint(s) ${expectedSeq}${seq - 1 > expectedSeq ? `–${seq - 1}` : ''} are missing`,
        expected: seq === expectedSeq ? expectedPrevious : expectedSeq,
        found: seq === expectedSeq ? checkpoint.previousHash : seq,
      });
    }
    if (
      checkpoint.firstPosition > checkpoint.lastPosition ||
      checkpoint.firstPosition <= (previous?.lastPosition ?? 0)
    ) {
      findings.add({
        code: 'CHECKPOINT_RANGE_INVALID',
        checkpoint: seq,
        message: 'its range is empty or overlaps the previous checkpoint’s',
        expected: `a range after position ${previous?.lastPosition ?? 0}`,
        found: `${checkpoint.firstPosition}–${checkpoint.lastPosition}`,
      });
    }
    const recomputed = checkpointHash(checkpoint);
    if (recomputed !== checkpoint.hash) {
      findings.add({
        code: 'CHECKPOINT_HASH_MISMATCH',
        checkpoint: seq,
        message: 'its fields were changed after it was sealed',
        expected: recomputed,
        found: checkpoint.hash,
      });
    }
    const signature = signatureProblem(checkpoint, seal);
    if (signature) {
      findings.add({ code: 'CHECKPOINT_SIGNATURE_INVALID', checkpoint: seq, message: signature });
    }
    if (checkpoint.timestampToken && trust.timestampAuthorityCertificatePem) {
      const verdict = checkTimeStampToken(
        checkpoint.timestampToken,
        Buffer.from(recomputed, 'hex'),
        trust.timestampAuthorityCertificatePem,
      );
      if (verdict.valid) stamped += 1;
      else
        findings.add({ code: 'TIMESTAMP_INVALID', checkpoint: seq, message: verdict.problem ?? 'invalid' });
    }
    previous = checkpoint;
  }
  return stamped;
}

function signatureProblem(checkpoint: Checkpoint, seal: Buffer): string | undefined {
  try {
    const verdict = verifyCms(checkpoint.signature, signedBytes(checkpoint));
    if (!verdict.valid) return 'the seal’s signature does not verify over the checkpoint’s fields';
    if (!verdict.certificate.equals(seal)) return `signed by ${verdict.signer}, not by the server’s seal`;
    return undefined;
  } catch (error) {
    return `unreadable signature: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The heads stored beside a checkpoint are the ones it sealed. */
export function checkHeads(checkpoint: Checkpoint, heads: readonly StreamHead[], findings: Findings): void {
  const root = headsRoot(heads);
  if (root !== checkpoint.headsRoot || heads.length !== checkpoint.streams) {
    findings.add({
      code: 'HEADS_ROOT_MISMATCH',
      checkpoint: checkpoint.seq,
      message: `the stream heads stored with it (${heads.length}) are not the ${checkpoint.streams} it sealed`,
      expected: checkpoint.headsRoot,
      found: root,
    });
  }
}
