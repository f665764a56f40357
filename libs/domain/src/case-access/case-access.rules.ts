/**
 * Who among the administration's staff may read a filed case: its status, its timeline and its
 * documents, which hold health data (ENS op.exp.8; GDPR art. 9). One rule for every staff read.
 */
import type { Actor, LevelOfAssurance } from '../shared/command-metadata';
import { Forbidden, NotFound } from '../shared/domain-error';
import type { MedicalUnit } from '../reference/provinces';

/** The unit a case was routed to, as its review records it; undefined before the review opens. */
export interface CompetentUnit {
  readonly caseId: string;
  readonly unit: MedicalUnit;
}

export type UnitStaffRole = 'reviewer' | 'supervisor';

/** Why the read is allowed: the reader works for the case's unit in this role. */
export interface UnitReadBasis {
  readonly role: UnitStaffRole;
  readonly unit: MedicalUnit;
}

const HEALTH_DATA_LEVELS: readonly LevelOfAssurance[] = ['certificate', 'clave-permanente'];

/**
 * Reviewers and supervisors of the competent unit read its cases; anyone else (another unit,
 * a citizen, an auditor, a case not yet under review) gets 404, exactly as for a case that does
 * not exist. Cl@ve móvil never reaches health data, as it never opens a health notification.
 */
export const mayReadAsCompetentUnit = (
  actor: Actor,
  caseId: string,
  competent: CompetentUnit | undefined,
): UnitReadBasis => {
  const role: UnitStaffRole | undefined = actor.roles.includes('supervisor')
    ? 'supervisor'
    : actor.roles.includes('reviewer')
      ? 'reviewer'
      : undefined;
  if (!competent || role === undefined || actor.unit === undefined || actor.unit !== competent.unit.id) {
    throw new NotFound('REVIEW_NOT_FOUND', `There is no case ${caseId} under review that you can see.`, {
      caseId,
    });
  }
  if (!HEALTH_DATA_LEVELS.includes(actor.levelOfAssurance)) {
    throw new Forbidden(
      'LEVEL_OF_ASSURANCE_TOO_LOW',
      'A case’s health data opens only with an electronic certificate or Cl@ve permanente.',
      { levelOfAssurance: actor.levelOfAssurance, required: HEALTH_DATA_LEVELS },
    );
  }
  return { role, unit: competent.unit };
};
