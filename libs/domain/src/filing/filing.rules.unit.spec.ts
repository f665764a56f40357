import { PEOPLE, blobHash, metadataFor } from '../shared/fixtures.testing';
import type { PowerOfAttorney } from '../power-of-attorney/power-of-attorney.decider';
import type { Procedure } from '../power-of-attorney/power-of-attorney.events';
import {
  MAX_TOTAL_ATTACHMENT_BYTES,
  attachmentBudgetExceeded,
  attachmentKindOf,
  attachmentMustBeWellFormed,
  describeSize,
  type Attachment,
} from './attachment';
import {
  attachmentsMustNotExceedTenMegabytes,
  claveMovilActsOnlyInOwnName,
  filingMustBeSigned,
  representationMustBeProven,
} from './filing.rules';

const { ana: filer, bruno: subject } = PEOPLE;

const pdf = (overrides: Partial<Attachment> = {}): Attachment => ({
  blobHash: blobHash(1),
  filename: 'informe.pdf',
  contentType: 'application/pdf',
  size: 1000,
  kind: 'medical-report',
  ...overrides,
});

const power = (procedures: readonly Procedure[]): PowerOfAttorney => ({
  status: 'accepted',
  terms: {
    powerId: 'power-1',
    principal: subject,
    proxy: filer,
    procedures,
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    grantedAt: '2025-12-15T09:00:00.000Z',
  },
  acceptedAt: '2025-12-16T09:00:00.000Z',
});

describe('filing rules: attachments', () => {
  it('accepts attachments totalling exactly 10 MB', () => {
    expect(() =>
      attachmentsMustNotExceedTenMegabytes([pdf({ size: MAX_TOTAL_ATTACHMENT_BYTES })]),
    ).not.toThrow();
  });

  it('refuses attachments over 10 MB in total, stating the total and the limit', () => {
    expect(() =>
      attachmentsMustNotExceedTenMegabytes([pdf({ size: MAX_TOTAL_ATTACHMENT_BYTES }), pdf({ size: 1 })]),
    ).toThrow(
      expect.objectContaining({
        code: 'ATTACHMENTS_TOO_LARGE',
        facts: { total: 10 * 1024 * 1024 + 1, limit: 10 * 1024 * 1024 },
      }),
    );
  });

  it('explains a document that does not fit by the 10 MB total, what the draft holds and what is left', () => {
    expect(attachmentBudgetExceeded(Math.round(9.9 * 1024 * 1024))).toBe(
      'Together the documents may not exceed 10 MB; this draft already holds 9.9 MB, so at most 102.4 KB more fit.',
    );
    expect(attachmentBudgetExceeded(MAX_TOTAL_ATTACHMENT_BYTES - 60)).toBe(
      'Together the documents may not exceed 10 MB; this draft already holds 10 MB, so at most 60 bytes more fit.',
    );
    expect(attachmentBudgetExceeded(0)).toBe(
      'Together the documents may not exceed 10 MB; this document alone is larger.',
    );
  });

  it('writes sizes as people read them, rounding what is left down', () => {
    expect([1, 60, 1024, 1536, 6 * 1024 * 1024].map((bytes) => describeSize(bytes))).toEqual([
      '1 byte',
      '60 bytes',
      '1 KB',
      '1.5 KB',
      '6 MB',
    ]);
    expect(describeSize(1024 * 1024 - 1)).toBe('1024 KB');
    expect(describeSize(1024 * 1024 - 1, { down: true })).toBe('1023.9 KB');
  });

  it.each([
    ['a blob hash that is not sha-256 hex', { blobHash: 'abc' }],
    ['an empty file name', { filename: '  ' }],
    ['a content type other than PDF, JPEG, PNG or TIFF', { contentType: 'application/zip' }],
    ['a zero size', { size: 0 }],
    ['a fractional size', { size: 1.5 }],
  ])('refuses an attachment with %s', (_, overrides) => {
    expect(() =>
      attachmentMustBeWellFormed(pdf(overrides as Partial<Attachment>), ['medical-report']),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ATTACHMENT' }));
  });

  it('refuses an attachment kind the procedure does not accept', () => {
    expect(() => attachmentMustBeWellFormed(pdf({ kind: 'application-form' }), ['medical-report'])).toThrow(
      expect.objectContaining({ code: 'ATTACHMENT_KIND_NOT_ALLOWED' }),
    );
  });

  it('names the kind a filer typed only as one the procedure accepts, saying which it accepts', () => {
    expect(attachmentKindOf('representation', ['medical-report', 'representation'])).toBe('representation');
    expect(() => attachmentKindOf('constructor', ['medical-report', 'representation'])).toThrow(
      expect.objectContaining({
        code: 'ATTACHMENT_KIND_NOT_ALLOWED',
        facts: { kind: 'constructor', allowed: ['medical-report', 'representation'] },
      }),
    );
  });

  it('normalises the blob hash to lower case', () => {
    const hash = 'AB'.repeat(32);
    expect(attachmentMustBeWellFormed(pdf({ blobHash: hash }), ['medical-report']).blobHash).toBe(
      hash.toLowerCase(),
    );
  });
});

describe('filing rules: who may file and how it is signed', () => {
  const ask = (overrides: Partial<Parameters<typeof representationMustBeProven>[0]> = {}) =>
    representationMustBeProven({
      filer,
      subject,
      procedure: 'medical-report-submission',
      attachments: [pdf()],
      powersOfAttorney: [],
      on: new Date('2026-03-10T10:00:00.000Z'),
      ...overrides,
    });

  it('needs no representation to file in one’s own name', () => {
    expect(ask({ subject: filer })).toEqual({ kind: 'own-name' });
  });

  it('accepts an attached representation document', () => {
    const document = pdf({ blobHash: blobHash(2), kind: 'representation' });
    expect(ask({ attachments: [pdf(), document] })).toEqual({
      kind: 'representation-document',
      blobHashes: [blobHash(2)],
    });
  });

  it('accepts a power of attorney in force for the procedure, preferring it over a document', () => {
    const document = pdf({ blobHash: blobHash(2), kind: 'representation' });
    expect(
      ask({ attachments: [document], powersOfAttorney: [power(['medical-report-submission'])] }),
    ).toEqual({
      kind: 'power-of-attorney',
      powerId: 'power-1',
    });
  });

  it('refuses filing for someone else without a document or a power in force, saying why each power fails', () => {
    expect(() => ask({ powersOfAttorney: [power(['notifications'])] })).toThrow(
      expect.objectContaining({
        code: 'REPRESENTATION_REQUIRED',
        kind: 'forbidden',
        facts: expect.objectContaining({ powers: [{ powerId: 'power-1', reason: 'procedure-not-covered' }] }),
      }),
    );
  });

  it('refuses Cl@ve móvil acting for someone else', () => {
    const { actor } = metadataFor(filer, { levelOfAssurance: 'clave-movil' });
    expect(() => claveMovilActsOnlyInOwnName(actor, subject)).toThrow(
      expect.objectContaining({ code: 'LEVEL_OF_ASSURANCE_TOO_LOW' }),
    );
    expect(() => claveMovilActsOnlyInOwnName(actor, filer)).not.toThrow();
  });

  it('requires the SMS one-time code to sign with Cl@ve permanente, not with a certificate', () => {
    expect(() => filingMustBeSigned('clave-permanente', false)).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_OTP_REQUIRED' }),
    );
    expect(() => filingMustBeSigned('clave-permanente', true)).not.toThrow();
    expect(() => filingMustBeSigned('certificate', false)).not.toThrow();
  });
});
