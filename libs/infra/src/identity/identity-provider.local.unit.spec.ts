import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK, SignJWT, type JWK } from 'jose';
import { InvalidToken, Principal } from './identity-provider.port';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, LocalIdentityProvider } from './identity-provider.local';
import { SIGNING_KEY_FILE } from './identity-signing-key';

const citizen: Principal = {
  subject: '12345678Z',
  name: 'Lucía Martín',
  roles: ['citizen'],
  levelOfAssurance: 'clave-permanente',
  mobile: '+34600000001',
};

const reviewer: Principal = {
  subject: 'X1234567L',
  name: 'Jordi Puig',
  roles: ['reviewer'],
  levelOfAssurance: 'certificate',
  unit: 'ICAM',
};

async function refusal(promise: Promise<unknown>): Promise<InvalidToken> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidToken);
  return error as InvalidToken;
}

describe('local identity provider', () => {
  let now: Date;
  let provider: LocalIdentityProvider;
  let keysDir: string;

  beforeAll(async () => {
    keysDir = await mkdtemp(join(tmpdir(), 'expediente-idp-'));
  });
  afterAll(() => rm(keysDir, { recursive: true, force: true }));
  beforeEach(async () => {
    now = new Date('2026-11-23T09:00:00Z');
    provider = await LocalIdentityProvider.create({ keys: 'in-memory', now: () => now });
  });

  it('verifies the tokens it issues back to the same principal', async () => {
    for (const principal of [citizen, reviewer]) {
      const issued = await provider.issueToken(principal);
      expect(issued.principal).toEqual(principal);
      expect(await provider.verifyToken(issued.token)).toEqual(principal);
    }
  });

  it('normalises the subject as people type it', async () => {
    const { token } = await provider.issueToken({ ...citizen, subject: '12345678-z' });
    expect((await provider.verifyToken(token)).subject).toBe('12345678Z');
  });

  it('carries sub, name, roles, loa, unit and mobile, for issuer expediente-local-idp and audience expediente', async () => {
    const { token } = await provider.issueToken({ ...reviewer, mobile: '+34600000002' });
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    expect(payload).toMatchObject({
      iss: LOCAL_ISSUER,
      aud: LOCAL_AUDIENCE,
      sub: 'X1234567L',
      name: 'Jordi Puig',
      roles: ['reviewer'],
      loa: 'certificate',
      unit: 'ICAM',
      mobile: '+34600000002',
    });
  });

  it('expires tokens after eight hours by default', async () => {
    const { token, expiresAt } = await provider.issueToken(citizen);
    expect(expiresAt.getTime() - now.getTime()).toBe(8 * 60 * 60 * 1000);
    now = new Date(now.getTime() + 8 * 60 * 60 * 1000 - 1000);
    await expect(provider.verifyToken(token)).resolves.toEqual(citizen);
    now = new Date(now.getTime() + 1000);
    expect((await refusal(provider.verifyToken(token))).reason).toBe('expired');
  });

  it('refuses an expired token issued with a shorter lifetime', async () => {
    const { token } = await provider.issueToken(citizen, 60);
    now = new Date(now.getTime() + 61_000);
    expect((await refusal(provider.verifyToken(token))).reason).toBe('expired');
  });

  it('refuses a token whose claims were tampered with', async () => {
    const { token } = await provider.issueToken(citizen);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['auditor'] })).toString('base64url');
    expect((await refusal(provider.verifyToken(`${header}.${forged}.${signature}`))).reason).toBe(
      'bad-signature',
    );
  });

  it('refuses a token signed by another key', async () => {
    const other = await LocalIdentityProvider.create({ keys: 'in-memory', now: () => now });
    const { token } = await other.issueToken(citizen);
    expect((await refusal(provider.verifyToken(token))).reason).toBe('bad-signature');
  });

  it('refuses an unsigned token and garbage', async () => {
    const { token } = await provider.issueToken(citizen);
    const [, payload] = token.split('.') as [string, string];
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect((await refusal(provider.verifyToken(none))).reason).toBe('malformed');
    expect((await refusal(provider.verifyToken('not-a-token'))).reason).toBe('malformed');
  });

  it('refuses to issue a token for an invalid DNI or NIE', async () => {
    await expect(provider.issueToken({ ...citizen, subject: '12345678A' })).rejects.toMatchObject({
      code: 'INVALID_IDENTITY_NUMBER',
    });
    await expect(provider.issueToken({ ...citizen, subject: 'X1234567A' })).rejects.toMatchObject({
      code: 'INVALID_IDENTITY_NUMBER',
    });
  });

  it('keeps its key in the keys directory, private to the owner, across instances', async () => {
    const first = await LocalIdentityProvider.create({ keys: { dir: keysDir }, now: () => now });
    const { token } = await first.issueToken(citizen);
    const second = await LocalIdentityProvider.create({ keys: { dir: keysDir }, now: () => now });
    expect(await second.verifyToken(token)).toEqual(citizen);
    expect((await stat(join(keysDir, SIGNING_KEY_FILE))).mode & 0o777).toBe(0o600);
  });

  it('ends up with one key when several processes start at once', async () => {
    const dir = join(keysDir, 'concurrent');
    const providers = await Promise.all(
      Array.from({ length: 5 }, () => LocalIdentityProvider.create({ keys: { dir }, now: () => now })),
    );
    const { token } = await providers[0]!.issueToken(citizen);
    for (const each of providers) expect(await each.verifyToken(token)).toEqual(citizen);
  });

  it('refuses a token signed with its own key for another audience', async () => {
    const dir = join(keysDir, 'audience');
    const local = await LocalIdentityProvider.create({ keys: { dir }, now: () => now });
    const jwk = JSON.parse(await readFile(join(dir, SIGNING_KEY_FILE), 'utf8')) as JWK;
    const token = await new SignJWT({
      name: citizen.name,
      roles: citizen.roles,
      loa: citizen.levelOfAssurance,
    })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience('somebody-else')
      .setSubject(citizen.subject)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(now.getTime() / 1000) + 60)
      .sign(await importJWK(jwk, 'ES256'));
    expect((await refusal(local.verifyToken(token))).reason).toBe('wrong-issuer-or-audience');
  });
});
