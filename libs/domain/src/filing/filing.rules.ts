/**
 * Rules common to every filing in the e-office (seeds 000 and 001): who may file for whom,
 * how the filing is signed, and what the attachments must add up to.
 */
import type { Actor, LevelOfAssurance } from '../shared/command-metadata';
import { Conflict, Forbidden, IllegalState, NotFound, ValidationError } from '../shared/domain-error';
import { normaliseIdentityNumber } from '../reference/identity-number';
import type { PowerOfAttorney } from '../power-of-attorney/power-of-attorney.decider';
import type { Procedure } from '../power-of-attorney/power-of-attorney.events';
import { powerCovers } from '../power-of-attorney/power-of-attorney.rules';
import {
  MAX_TOTAL_ATTACHMENT_BYTES,
  attachmentMustBeWellFormed,
  describeSize,
  totalSize,
  type Attachment,
  type AttachmentKind,
} from './attachment';
import type { RepresentationBasis } from './filing.events';

export const actorMustBeFiler = (actor: Actor, filing: { caseId: string; filer: string }): void => {
  if (normaliseIdentityNumber(actor.id) !== filing.filer) {
    throw new Forbidden(
      'NOT_THE_FILER',
      'Only the person who started this filing may change, submit or withdraw it.',
      {
        caseId: filing.caseId,
      },
    );
  }
};

/** Cl@ve móvil is an advanced, not a high, level: it may only act in the person's own name. */
export const claveMovilActsOnlyInOwnName = (actor: Actor, subject: string): void => {
  if (actor.levelOfAssurance === 'clave-movil' && normaliseIdentityNumber(actor.id) !== subject) {
    throw new Forbidden(
      'LEVEL_OF_ASSURANCE_TOO_LOW',
      'Acting on behalf of someone else requires an electronic certificate or Cl@ve permanente.',
      { levelOfAssurance: actor.levelOfAssurance, required: ['certificate', 'clave-permanente'] },
    );
  }
};

/** Cl@ve permanente signs in the register only with the SMS one-time code; certificates sign directly. */
export const filingMustBeSigned = (levelOfAssurance: LevelOfAssurance, otpVerified: boolean): void => {
  if (levelOfAssurance === 'clave-permanente' && !otpVerified) {
    throw new Forbidden(
      'SIGNATURE_OTP_REQUIRED',
      'Enter the one-time code sent by SMS to your registered mobile to sign the filing.',
      { levelOfAssurance },
    );
  }
};

/** Withdrawal by the filer before resolution, never after: a resolved case is decided. */
export const withdrawalMustPrecedeResolution = (caseId: string, resolvedAt: string | null): void => {
  if (resolvedAt !== null) {
    throw new IllegalState(
      'CASE_ALREADY_RESOLVED',
      'This case has already been resolved, so it can no longer be withdrawn.',
      { caseId, resolvedAt },
    );
  }
};

export const attachmentsMustNotExceedTenMegabytes = (attachments: readonly Attachment[]): void => {
  const total = totalSize(attachments);
  if (total > MAX_TOTAL_ATTACHMENT_BYTES) {
    throw new ValidationError(
      'ATTACHMENTS_TOO_LARGE',
      `Together the documents may not exceed ${describeSize(MAX_TOTAL_ATTACHMENT_BYTES)}; these add up to ${describeSize(total)}.`,
      {
        total,
        limit: MAX_TOTAL_ATTACHMENT_BYTES,
      },
    );
  }
};

export const mustIncludeAttachmentOfKind = (
  attachments: readonly Attachment[],
  kind: AttachmentKind,
  refusal: ValidationError,
): void => {
  if (!attachments.some((attachment) => attachment.kind === kind)) throw refusal;
};

const attachmentMustBeNew = (attachments: readonly Attachment[], attachment: Attachment): void => {
  if (attachments.some(({ blobHash }) => blobHash === attachment.blobHash)) {
    throw new Conflict('ATTACHMENT_ALREADY_ATTACHED', `"${attachment.filename}" is already attached.`, {
      blobHash: attachment.blobHash,
    });
  }
};

/** What every filing checks before a document joins its draft. */
export const documentMayBeAttached = <Kind extends AttachmentKind>(
  attachments: readonly Attachment[],
  attachment: Attachment<Kind>,
  allowedKinds: readonly Kind[],
): Attachment<Kind> => {
  const wellFormed = attachmentMustBeWellFormed(attachment, allowedKinds);
  attachmentMustBeNew(attachments, wellFormed);
  // Refused on attach as well as on submit, so the filer learns while still composing.
  attachmentsMustNotExceedTenMegabytes([...attachments, wellFormed]);
  return wellFormed;
};

export const attachmentMustExist = (attachments: readonly Attachment[], blobHash: string): void => {
  if (!attachments.some((attachment) => attachment.blobHash === blobHash.toLowerCase())) {
    throw new NotFound('ATTACHMENT_NOT_FOUND', 'That document is not attached to this filing.', { blobHash });
  }
};

export interface RepresentationQuestion {
  readonly filer: string;
  readonly subject: string;
  readonly procedure: Procedure;
  readonly attachments: readonly Attachment[];
  readonly powersOfAttorney: readonly PowerOfAttorney[];
  /** The filing's registry timestamp: the power must be in force then. */
  readonly on: Date;
}

/**
 * Filing for someone else needs a power in the register covering the procedure on the filing
 * date, or a representation document attached (whose validity a reviewer judges). A power in
 * force is preferred as the recorded basis because the register can verify it later.
 */
export const representationMustBeProven = (question: RepresentationQuestion): RepresentationBasis => {
  const { filer, subject, procedure, on } = question;
  if (filer === subject) return { kind: 'own-name' };
  const verdicts = question.powersOfAttorney.map((power) => ({
    power,
    coverage: powerCovers(power, { principal: subject, proxy: filer, procedure, on }),
  }));
  const inForce = verdicts.find(({ coverage }) => coverage.inForce);
  if (inForce && inForce.power.status !== 'none') {
    return { kind: 'power-of-attorney', powerId: inForce.power.terms.powerId };
  }
  const documents = question.attachments.filter(({ kind }) => kind === 'representation');
  if (documents.length > 0) {
    return { kind: 'representation-document', blobHashes: documents.map(({ blobHash }) => blobHash) };
  }
  throw new Forbidden(
    'REPRESENTATION_REQUIRED',
    'To file on behalf of someone else, attach the standardised representation form (or another legally valid proof) or hold a power of attorney in the register covering this procedure.',
    {
      subject,
      procedure,
      powers: verdicts.map(({ power, coverage }) => ({
        powerId: power.status === 'none' ? null : power.terms.powerId,
        reason: coverage.inForce ? null : coverage.reason,
      })),
    },
  );
};
