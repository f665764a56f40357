import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localTimeStampAuthority } from './timestamp-authority.local';
import { checkTimeStampToken } from './timestamp-authority.port';

describe('the local time-stamping authority (development only)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsa-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const when = new Date('2026-11-23T10:00:00Z');
  const digest = createHash('sha256').update('checkpoint 1').digest();

  it('stamps a digest with a token that names the time and verifies against its certificate', async () => {
    const tsa = localTimeStampAuthority(dir, () => when);
    const token = await tsa.timestamp(digest);
    expect(checkTimeStampToken(token, digest, tsa.certificatePem)).toEqual({ valid: true, genTime: when });
  });

  it('refuses a token over another digest or from another authority', async () => {
    const tsa = localTimeStampAuthority(dir, () => when);
    const token = await tsa.timestamp(digest);
    const other = createHash('sha256').update('checkpoint 2').digest();
    expect(checkTimeStampToken(token, other, tsa.certificatePem).valid).toBe(false);
    const stranger = localTimeStampAuthority(join(dir, 'other'), () => when);
    expect(checkTimeStampToken(token, digest, stranger.certificatePem).problem).toMatch(/not the configured/);
  });

  it('issues a TimeStampToken OpenSSL reads as RFC 3161', async () => {
    const tsa = localTimeStampAuthority(dir, () => when);
    const file = join(dir, 'token.der');
    await writeFile(file, await tsa.timestamp(digest));
    const text = execFileSync('openssl', ['ts', '-reply', '-token_in', '-in', file, '-token_out', '-text'], {
      encoding: 'utf8',
    });
    expect(text).toContain(`Message data:`);
    expect(text.replace(/\s/g, '')).toContain(digest.toString('hex').slice(0, 16));
    expect(text).toContain('Nov 23 10:00:00 2026 GMT');
  });
});
