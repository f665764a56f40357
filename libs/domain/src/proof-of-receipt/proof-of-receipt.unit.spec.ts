import { blobHash } from '../shared/fixtures.testing';
import { spec } from '../shared/given-when-then.testing';
import type { CommandMetadata } from '../shared/command-metadata';
import type { IssueProofOfReceipt } from './proof-of-receipt.commands';
import { proofOfReceiptDecider } from './proof-of-receipt.decider';
import type { ProofOfReceiptIssued } from './proof-of-receipt.events';

const given = spec(proofOfReceiptDecider).given;
const system: CommandMetadata = {
  now: new Date('2026-11-23T10:00:05.000Z'),
  actor: { id: 'system:worker', roles: [], levelOfAssurance: 'certificate' },
  causationId: 'submitted-event-1',
  idempotencyKey: 'submitted-event-1',
};

const receipt: ProofOfReceiptIssued['data'] = {
  caseId: 'case-1',
  csv: 'CSV2026AAAA',
  registryNumber: '2026/000123',
  registeredAt: '2026-11-23T10:00:00.000Z',
  pdfHash: blobHash(1),
  p7sHash: blobHash(2),
  zipHash: blobHash(3),
  facts: {
    registryEntry: { number: '2026/000123', registeredAt: '2026-11-23T10:00:00.000Z' },
    csv: 'CSV2026AAAA',
    verifyUrl: 'http://localhost/verify/CSV2026AAAA',
    filer: { name: 'Ana', idNumber: '12345678Z' },
    subject: { name: 'Ana', idNumber: '12345678Z' },
    procedure: 'Aportación de informes médicos actualizados',
    addresseeUnit: 'Dirección Provincial del INSS de Madrid',
    province: { code: '28', name: 'Madrid' },
    documents: [],
  },
};
const issue = (data: Partial<IssueProofOfReceipt['data']> = {}): IssueProofOfReceipt => ({
  type: 'IssueProofOfReceipt',
  data: { ...receipt, ...data },
  metadata: system,
});
const issued: ProofOfReceiptIssued = { type: 'ProofOfReceiptIssued', data: receipt };

describe('proof of receipt', () => {
  it('is issued for a registered filing with the hashes of its PDF, signature and zip', () =>
    given([]).when(issue()).then([issued]));

  it('is issued once: issuing again (a retried job) records nothing and refuses nothing', () =>
    given([issued])
      .when(issue({ zipHash: blobHash(9) }))
      .then([]));

  it('refuses a stored file named by anything but its sha-256', () =>
    given([])
      .when(issue({ zipHash: 'zip' }))
      .thenThrows('INVALID_DOCUMENT_HASH'));
});
