import { ICAM } from '@expediente/domain';
import type { ResolutionFacts } from './resolution-renderer';

/** An INSS case in Madrid, partially granted; ICAM and other outcomes are variations of it. */
export const inssFacts: ResolutionFacts = {
  caseId: 'EXP-2026-000123',
  registryEntry: { number: '2026/000123', registeredAt: '2026-11-02T08:15:00.000Z' },
  unit: { kind: 'INSS', id: 'INSS-28', name: 'Dirección Provincial del INSS de Madrid' },
  addressee: {
    name: 'María José García Fernández',
    idNumber: '12345678Z',
    postalAddress: ['Calle de Alcalá, 123, 4.º B', '28009 Madrid'],
  },
  procedure: 'entitlement-application',
  outcome: 'partially-granted',
  resolvedAt: '2026-11-23T23:30:00.000Z',
  grounds: {
    es: [
      'La persona interesada solicitó la asistencia sanitaria para sí y para dos beneficiarios.',
      'Uno de los beneficiarios no acredita convivencia ni dependencia económica con la persona titular.',
    ],
    ca: [
      'La persona interessada va sol·licitar l’assistència sanitària per a si mateixa i per a dos beneficiaris.',
      'Un dels beneficiaris no acredita convivència ni dependència econòmica amb la persona titular.',
    ],
  },
  legalBasis: {
    es: ['Real Decreto 1192/2012, de 3 de agosto, artículos 2 y 3.'],
    ca: ['Reial decret 1192/2012, de 3 d’agost, articles 2 i 3.'],
  },
  terms: {
    es: [
      'Se reconoce el derecho a la asistencia sanitaria a la persona titular y a su hija.',
      'Se deniega la inclusión como beneficiario de su hermano.',
    ],
    ca: [
      'Es reconeix el dret a l’assistència sanitària a la persona titular i a la seva filla.',
      'Es denega la inclusió com a beneficiari del seu germà.',
    ],
  },
  csv: 'ABCDEFGHJKLMNPQR',
  verifyUrl: 'https://sede.expediente.example/verificar/ABCDEFGHJKLMNPQR',
};

export const icamFacts: ResolutionFacts = {
  ...inssFacts,
  unit: ICAM,
  addressee: {
    name: 'Josep Puig i Ferrer',
    idNumber: 'X1234567L',
    postalAddress: ['Carrer de Mallorca, 200', '08036 Barcelona'],
  },
  procedure: 'medical-report-submission',
};
