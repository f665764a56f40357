import { ICAM, type MedicalUnit } from '@expediente/domain';
import type { StoredEvent } from '../event-store/event-store.port';
import { resolutionHtml } from './resolution-view';
import { resolutionFactsOf } from './resolution-facts';

const event = (
  type: string,
  data: Record<string, unknown>,
  metadata: Record<string, unknown> = {},
): StoredEvent => ({
  id: `${type}-id`,
  stream: 'x',
  type,
  schemaVersion: 1,
  data,
  metadata,
  recordedAt: new Date('2026-11-23T10:00:00Z'),
  streamVersion: 0,
  position: 1,
  hash: '0'.repeat(64),
});

const caseOf = (unit: MedicalUnit) => {
  const filing = [
    event(
      'ReportsSubmitted',
      {
        caseId: 'c1',
        subject: '23456789D',
        filer: '23456789D',
        registryEntry: { number: '2026/000001', registeredAt: '2026-11-23T10:00:00Z' },
      },
      { actorName: 'Núria Puig Soler' },
    ),
  ];
  const review = [
    event('ReviewOpened', { caseId: 'c1', unit, procedure: 'medical-report-submission' }),
    event('CaseResolved', {
      caseId: 'c1',
      outcome: 'partially-granted',
      grounds: 'Primer paràgraf.\n\nSegon.',
      legalBasis: 'Art. 193 LGSS.',
      resolvedAt: '2026-11-24T09:00:00Z',
    }),
  ];
  return resolutionFactsOf(filing, review, {
    csv: 'ABCDEFGHJKLMNPQR',
    verifyBaseUrl: 'https://sede.example',
  });
};

describe('the facts of a resolution letter', () => {
  it('gives an ICAM letter its Catalan version, carrying the reviewer’s text as written', () => {
    const facts = caseOf(ICAM);
    expect(facts.grounds).toEqual({ es: ['Primer paràgraf.', 'Segon.'], ca: ['Primer paràgraf.', 'Segon.'] });
    expect(facts.terms.ca).toEqual(["S'estima parcialment la sol·licitud en els termes exposats."]);
    expect(() => resolutionHtml(facts)).not.toThrow();
  });

  it('writes an INSS letter in Spanish only, addressed by name when the subject filed', () => {
    const facts = caseOf({ kind: 'INSS', id: 'INSS-28', name: 'Dirección Provincial del INSS de Madrid' });
    expect(facts.grounds.ca).toBeUndefined();
    expect(facts.addressee).toEqual({ name: 'Núria Puig Soler', idNumber: '23456789D' });
    expect(facts.verifyUrl).toBe('https://sede.example/verify/ABCDEFGHJKLMNPQR');
  });
});
