import { canonicalJson, eventHash, GENESIS_HASH } from './event-hash';

describe('canonical JSON and the event hash', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'é' }], c: true }, u: undefined })).toBe(
      '{"a":{"c":true,"d":[3,{"y":"é","z":null}]},"b":1}',
    );
  });

  it('orders keys by UTF-16 code units, upper case before lower case', () => {
    expect(canonicalJson({ b: 0, B: 0, a: 0, _: 0, '1': 0 })).toBe('{"1":0,"B":0,"_":0,"a":0,"b":0}');
  });

  it('writes scalars exactly as JSON does', () => {
    expect(canonicalJson('line\n"quoted"')).toBe(JSON.stringify('line\n"quoted"'));
    expect(canonicalJson(1.5e-7)).toBe('1.5e-7');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });

  it('keeps the hash of a known event stable, so stored chains keep verifying', () => {
    const hash = eventHash(GENESIS_HASH, {
      id: '5f0c6a52-6d1b-4e4f-9a65-8f7c1f0e2a11',
      stream: 'case-1',
      streamVersion: 0,
      type: 'ReportsSubmitted',
      schemaVersion: 1,
      data: { caseId: '1', attachments: [{ size: 10, blobHash: 'ab' }] },
      metadata: { actor: '12345678Z' },
      recordedAt: new Date('2026-11-23T10:00:00.000Z'),
    });
    expect(hash).toBe('ca5ffc37498784dfeb39862bf7c5f24c274dd0f86ac4a6ef226bcf91830e1208');
  });
});
