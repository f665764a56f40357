import { blobHash } from '../shared/fixtures.testing';
import { spec } from '../shared/given-when-then.testing';
import type { CommandMetadata } from '../shared/command-metadata';
import type { RecordPaperCopyPosted } from './paper-post.commands';
import { paperPostDecider } from './paper-post.decider';
import type { PaperCopyPosted } from './paper-post.events';

const given = spec(paperPostDecider).given;
const system: CommandMetadata = {
  now: new Date('2026-11-23T10:00:05.000Z'),
  actor: { id: 'system:worker', roles: [], levelOfAssurance: 'certificate' },
  causationId: 'resolution-issued-1',
  idempotencyKey: 'resolution-issued-1',
};
const copy: PaperCopyPosted['data'] = {
  caseId: 'case-1',
  documentHash: blobHash(1),
  postedAt: '2026-11-23T10:00:05.000Z',
};
const post = (data: Partial<RecordPaperCopyPosted['data']> = {}): RecordPaperCopyPosted => ({
  type: 'RecordPaperCopyPosted',
  data: { ...copy, ...data },
  metadata: system,
});
const posted: PaperCopyPosted = { type: 'PaperCopyPosted', data: copy };

describe('paper copy of a resolution', () => {
  it('is recorded as posted with the hash of the letter handed to the post', () =>
    given([]).when(post()).then([posted]));

  it('is posted once: recording it again (a retried job) records nothing and refuses nothing', () =>
    given([posted])
      .when(post({ postedAt: '2026-11-24T09:00:00.000Z' }))
      .then([]));

  it('refuses a letter named by anything but its sha-256', () =>
    given([])
      .when(post({ documentHash: 'letter' }))
      .thenThrows('INVALID_DOCUMENT_HASH'));
});
