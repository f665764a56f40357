/**
 * A case's access log (stream case-access-<caseId>): append-only, one event per document read.
 * Nothing in it constrains the next read; its state only counts what was recorded.
 */
import type { Decider } from '../shared/decider';
import { normaliseIdentityNumber } from '../reference/identity-number';
import { mayReadAsCompetentUnit } from './case-access.rules';
import type { CaseAccessCommand, RecordDocumentRead } from './case-access.commands';
import type { CaseAccessEvent } from './case-access.events';

export interface CaseAccess {
  readonly reads: number;
}

export const initialState = (): CaseAccess => ({ reads: 0 });

export const evolve = (state: CaseAccess, _event: CaseAccessEvent): CaseAccess => ({
  reads: state.reads + 1,
});

export const recordDocumentRead = ({ data, metadata }: RecordDocumentRead): CaseAccessEvent[] => {
  const { actor, now } = metadata;
  const basis = mayReadAsCompetentUnit(actor, data.caseId, data.competent);
  const { blobHash, filename, contentType, providedIn } = data.document;
  return [
    {
      type: 'DocumentRead',
      data: {
        caseId: data.caseId,
        document: { blobHash, filename, contentType, providedIn },
        reader: {
          id: normaliseIdentityNumber(actor.id),
          role: basis.role,
          unit: basis.unit,
          levelOfAssurance: actor.levelOfAssurance,
        },
        requestId: data.requestId,
        readAt: now.toISOString(),
      },
    },
  ];
};

/** One command: the switch a wider union needs would have a single case here. */
export const decide = (command: CaseAccessCommand, _state: CaseAccess): CaseAccessEvent[] =>
  recordDocumentRead(command);

export const caseAccessDecider: Decider<CaseAccessCommand, CaseAccessEvent, CaseAccess> = {
  initialState,
  evolve,
  decide,
};
