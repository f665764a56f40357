import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson, eventHash, GENESIS_HASH } from '../event-store/event-hash';
import type { StoredEvent } from '../event-store/event-store.port';
import { canonicalBytes, eventLinesBytes, streamRoleOf } from './audit-export.format';
import { expedienteOf } from './audit-index';
import { documentIndexOf } from './document-index';

/** RFC 8785 §3.2.2, as JSON text: the parser must see the literal numbers and escapes. */
const RFC_8785_SAMPLE = String.raw`{
  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
  "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
}`;
const RFC_8785_SAMPLE_CANONICAL = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;

/** RFC 8785 §3.2.3: keys sorted by UTF-16 code units, not by code points or bytes. */
const RFC_8785_SORTING = String.raw`{
  "\u20ac": "Euro Sign",
  "\r": "Carriage Return",
  "\ufb33": "Hebrew Letter Dalet With Dagesh",
  "1": "One",
  "\ud83d\ude00": "Emoji: Grinning Face",
  "\u0080": "Control",
  "\u00f6": "Latin Small Letter O With Diaeresis"
}`;

/** RFC 8785 appendix B: IEEE 754 doubles (as bit patterns) and how JCS writes them. */
const NUMBERS: readonly (readonly [string, string])[] = [
  ['0000000000000000', '0'],
  ['8000000000000000', '0'],
  ['0000000000000001', '5e-324'],
  ['8000000000000001', '-5e-324'],
  ['7fefffffffffffff', '1.7976931348623157e+308'],
  ['ffefffffffffffff', '-1.7976931348623157e+308'],
  ['4340000000000000', '9007199254740992'],
  ['c340000000000000', '-9007199254740992'],
  ['4430000000000000', '295147905179352830000'],
  ['44b52d02c7e14af5', '9.999999999999997e+22'],
  ['44b52d02c7e14af6', '1e+23'],
  ['3eb0c6f7a0b5ed8d', '0.000001'],
  ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
];
const double = (bits: string): number => Buffer.from(bits, 'hex').readDoubleBE(0);

const event = (overrides: Partial<StoredEvent> & Pick<StoredEvent, 'type' | 'data'>): StoredEvent => ({
  id: '5f0c6a52-6d1b-4e4f-9a65-8f7c1f0e2a11',
  stream: 'case-1',
  schemaVersion: 1,
  metadata: { actor: '12345678Z' },
  recordedAt: new Date('2026-11-23T10:00:00.000Z'),
  streamVersion: 0,
  position: 1,
  hash: 'h',
  ...overrides,
});

describe('the audit export hashes RFC 8785 canonical JSON', () => {
  it('writes the RFC 8785 sample (numbers, escapes, literals) exactly as the RFC does', () => {
    const value: unknown = JSON.parse(RFC_8785_SAMPLE);
    expect(canonicalJson(value)).toBe(RFC_8785_SAMPLE_CANONICAL);
    expect(canonicalize(value)).toBe(RFC_8785_SAMPLE_CANONICAL);
  });

  it('sorts keys by UTF-16 code units, as the RFC sorting sample does', () => {
    const value: unknown = JSON.parse(RFC_8785_SORTING);
    // Read the keys off the text: a parsed object lists integer-like keys ("1") first.
    const keys = [...canonicalJson(value).matchAll(/"((?:[^"\\]|\\.)*)":/g)].map(
      (m) => JSON.parse(`"${m[1]}"`) as string,
    );
    expect(keys).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  it.each(NUMBERS)('writes the double %s as %s', (bits, text) => {
    expect(canonicalJson(double(bits))).toBe(text);
    expect(canonicalize(double(bits))).toBe(text);
  });

  it('agrees with the canonicalize package on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 500 },
    );
  });

  it("chains an event's hash as SHA-256 over the previous hash (hex) then the JCS of its fields, which anyone can recompute", () => {
    const stored = event({ type: 'ReportsSubmitted', data: { caseId: '1', é: [1.5, 'ü'] } });
    const { position: _p, hash: _h, recordedAt, ...fields } = stored;
    const independent = createHash('sha256')
      .update(GENESIS_HASH, 'utf8')
      .update(canonicalize({ ...fields, recordedAt: recordedAt.toISOString() })!, 'utf8')
      .digest('hex');
    expect(eventHash(GENESIS_HASH, stored)).toBe(independent);
  });

  it('writes events.jsonl as one canonical envelope per line, each ended by a line feed', () => {
    const lines = eventLinesBytes([event({ type: 'ReviewOpened', data: { b: 1, a: 2 } })]).toString('utf8');
    expect(lines.endsWith('\n')).toBe(true);
    const line = lines.slice(0, -1);
    expect(line).toBe(canonicalize(JSON.parse(line)));
    expect(JSON.parse(line)).toMatchObject({
      hash: 'h',
      position: 1,
      recordedAt: '2026-11-23T10:00:00.000Z',
    });
    expect(canonicalBytes({ z: 1, a: 'ñ' }).toString('utf8')).toBe('{"a":"ñ","z":1}');
  });
});

describe('the ENI index of an export', () => {
  const a = 'a'.repeat(64);
  const b = 'b'.repeat(64);
  const submitted = event({
    type: 'ReportsSubmitted',
    stream: 'case-c1',
    position: 10,
    recordedAt: new Date('2026-03-02T09:00:00.000Z'),
    data: {
      caseId: 'c1',
      filer: '23456789D',
      subject: '34567890V',
      subjectName: 'Lucía Martín Gil',
      benefitRequestRef: 'IT-1',
      provinceCode: '28',
      attachments: [
        {
          blobHash: a,
          filename: 'informe.pdf',
          contentType: 'application/pdf',
          size: 10,
          kind: 'medical-report',
        },
      ],
      unit: { kind: 'INSS', id: 'INSS-28', name: 'Dirección Provincial del INSS de Madrid' },
      submittedAt: '2026-03-02T09:00:00.000Z',
      registryEntry: { number: '2026/000001', registeredAt: '2026-03-02T09:00:00.000Z' },
      receiptCsv: 'X',
      signedWith: 'certificate',
      representation: { kind: 'representation-document', blobHashes: [a] },
    },
  });
  const issued = event({
    type: 'ResolutionIssued',
    stream: 'review-c1',
    position: 20,
    recordedAt: new Date('2026-03-10T09:00:00.000Z'),
    data: { caseId: 'c1', documentHash: b, signatureHash: a, csv: 'Y', issuedAt: '2026-03-10T09:00:00.000Z' },
  });

  it('lists each document once, numbered and dated by the first event that names it', () => {
    const documents = documentIndexOf([submitted, issued], (hash) => hash === a);
    expect(
      documents.map((d) => [
        d.ordenDocumentoExpediente,
        d.valorHuella,
        d.tipo,
        d.fechaIncorporacionExpediente,
        d.incluido,
      ]),
    ).toEqual([
      [1, a, 'medical-report', '2026-03-02T09:00:00.000Z', true],
      [2, b, 'resolution', '2026-03-10T09:00:00.000Z', false],
    ]);
    expect(documents[0]).toMatchObject({
      funcionResumen: 'SHA-256',
      nombre: 'informe.pdf',
      evento: { stream: 'case-c1' },
    });
  });

  it("states the expediente's unit, opening date, procedure, state and interested parties from its events", () => {
    expect(expedienteOf('c1', [submitted, issued])).toEqual({
      identificador: 'ES_INSS-28_2026_EXP_c1',
      organo: { codigo: 'INSS-28', nombre: 'Dirección Provincial del INSS de Madrid' },
      fechaAperturaExpediente: '2026-03-02T09:00:00.000Z',
      clasificacion: 'medical-report-submission',
      estado: { codigo: 'E01', descripcion: 'Abierto' },
      interesados: [
        { identificador: '34567890V', nombre: 'Lucía Martín Gil', rol: 'interesado' },
        { identificador: '23456789D', nombre: null, rol: 'representante' },
      ],
    });
  });

  it('names each stream by the part of the case it is', () => {
    expect(
      [
        'case-1',
        'receipt-1',
        'review-1',
        'notification-1',
        'paper-post-1',
        'alert-1',
        'power-1',
        'other',
      ].map(streamRoleOf),
    ).toEqual(['filing', 'receipt', 'review', 'notification', 'paper-post', 'alert', 'power', null]);
  });
});
