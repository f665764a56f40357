import { PEOPLE } from '../shared/fixtures.testing';
import type { Actor, LevelOfAssurance, Role } from '../shared/command-metadata';
import type { PowerOfAttorney } from '../power-of-attorney/power-of-attorney.decider';
import type { Procedure } from '../power-of-attorney/power-of-attorney.events';
import { mayReadCase, type CaseParties } from './case-reading.rules';

const { ana: subject, bruno: proxy, carmen: stranger } = PEOPLE;
const now = new Date('2026-11-25T09:00:00.000Z');
const ownCase: CaseParties = {
  caseId: 'case-1',
  filer: subject,
  subject,
  procedure: 'medical-report-submission',
};
const filedByProxy: CaseParties = { ...ownCase, filer: proxy };

const power = (procedures: readonly Procedure[], revokedAt?: string): PowerOfAttorney => {
  const terms = {
    powerId: 'power-1',
    principal: subject,
    proxy,
    procedures,
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    grantedAt: '2025-12-15T09:00:00.000Z',
  };
  const acceptedAt = '2025-12-16T09:00:00.000Z';
  return revokedAt
    ? { status: 'revoked', terms, acceptedAt, revokedAt }
    : { status: 'accepted', terms, acceptedAt };
};

const session = (id: string, levelOfAssurance: LevelOfAssurance, roles: Role[] = ['citizen']): Actor => ({
  id,
  roles,
  levelOfAssurance,
});

/** given a case and the reader's powers, when the session reads it, then the basis or the refusal. */
const given = (parties: CaseParties, powers: readonly PowerOfAttorney[] = []) => ({
  whenRead: (reader: Actor) => ({
    thenBasis: (kind: string) => expect(mayReadCase(reader, parties, powers, now)).toMatchObject({ kind }),
    thenRefused: (code: string) =>
      expect(() => mayReadCase(reader, parties, powers, now)).toThrow(expect.objectContaining({ code })),
  }),
});

describe('reading a case’s personal data (status, timeline, proof of receipt)', () => {
  it.each<LevelOfAssurance>(['certificate', 'clave-permanente', 'clave-movil'])(
    'lets the subject read their own case with %s',
    (level) => given(ownCase).whenRead(session(subject, level)).thenBasis('own-name'),
  );

  it.each<LevelOfAssurance>(['certificate', 'clave-permanente'])(
    'lets a proxy whose power covers the case’s procedure read it with %s',
    (level) =>
      given(ownCase, [power(['medical-report-submission'])])
        .whenRead(session(proxy, level))
        .thenBasis('power-of-attorney'),
  );

  it('refuses a proxy’s Cl@ve móvil session: it acts only in one’s own name', () =>
    given(ownCase, [power(['medical-report-submission'])])
      .whenRead(session(proxy, 'clave-movil'))
      .thenRefused('LEVEL_OF_ASSURANCE_TOO_LOW'));

  it('refuses the Cl@ve móvil session of the representative who filed the case', () =>
    given(filedByProxy).whenRead(session(proxy, 'clave-movil')).thenRefused('LEVEL_OF_ASSURANCE_TOO_LOW'));

  it('lets the representative who filed it read it with a certificate', () =>
    given(filedByProxy).whenRead(session(proxy, 'certificate')).thenBasis('filer'));

  it('hides the case from a proxy once the power is revoked', () =>
    given(ownCase, [power(['medical-report-submission'], '2026-11-24T12:00:00.000Z')])
      .whenRead(session(proxy, 'certificate'))
      .thenRefused('CASE_NOT_FOUND'));

  it('hides the case from a proxy whose power covers other procedures only', () =>
    given(ownCase, [power(['notifications'])])
      .whenRead(session(proxy, 'certificate'))
      .thenRefused('CASE_NOT_FOUND'));

  it('hides the case from anyone else, even with a certificate', () =>
    given(ownCase).whenRead(session(stranger, 'certificate')).thenRefused('CASE_NOT_FOUND'));

  it('hides the case from a session that is not a citizen’s, even the subject’s', () =>
    given(ownCase)
      .whenRead(session(subject, 'certificate', ['auditor']))
      .thenRefused('CASE_NOT_FOUND'));
});
