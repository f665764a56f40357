import { Body, Controller, Get, HttpCode, INestApplication, Param, Post } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { removeKeys, testQueuePrefix } from '../support/redis-keys';
import { createHttpApp } from '@expediente/infra/bootstrap';
import { loadConfig } from '@expediente/infra/config/config.schema';
import { InfraModule } from '@expediente/infra/infra.module';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { openStorage, Storage } from '@expediente/infra/storage/storage';
import { CurrentPrincipal } from '../../apps/api/src/identity/current-principal.decorator';
import { IdentityApiModule } from '../../apps/api/src/identity/identity-api.module';
import { Authenticated, Roles } from '../../apps/api/src/identity/roles.decorator';
import { SigningCodeService } from '../../apps/api/src/identity/signing-code.service';
import { ProblemDetailsFilter } from '../../apps/api/src/problem/problem-details.filter';
import { testDatabaseUrl } from '../support/postgres';

/** Stands in for the case endpoints that will use the guard and the signing code. */
@Controller('probe')
class ProbeController {
  constructor(private readonly signing: SigningCodeService) {}

  @Get('me')
  @Authenticated()
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  @Get('queue')
  @Roles('reviewer', 'supervisor')
  queue(@CurrentPrincipal() principal: Principal) {
    return { unit: principal.unit };
  }

  @Post('cases/:caseId/signing-code')
  @Authenticated()
  requestCode(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string) {
    return this.signing.requestCode(principal, `sign:${caseId}`);
  }

  @Post('cases/:caseId/sign')
  @HttpCode(200)
  @Authenticated()
  async sign(
    @CurrentPrincipal() principal: Principal,
    @Param('caseId') caseId: string,
    @Body() body: { code: string },
  ) {
    await this.signing.confirm(principal, `sign:${caseId}`, body.code);
    return { signed: caseId };
  }
}

class IdentityE2eModule {}

const citizen = {
  subject: '12345678-z',
  name: 'Lucía Martín',
  roles: ['citizen'],
  levelOfAssurance: 'clave-permanente',
  mobile: '+34600000001',
};

describe('identity over HTTP: dev login, bearer tokens, roles and the SMS signing code', () => {
  const schema = `identity_${randomBytes(4).toString('hex')}`;
  const previousDataDir = process.env.DATA_DIR;
  // Rate limits are counted in Redis under the queue prefix: one of our own, so runs do not add up.
  const previousQueuePrefix = process.env.QUEUE_PREFIX;
  let queuePrefix = '';
  let dataDir: string;
  let storage: Storage;
  let app: INestApplication;
  let base: string;

  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });
  const get = (path: string, token?: string) =>
    fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const login = async (principal: Record<string, unknown>): Promise<string> => {
    const response = await post('/dev/login', principal);
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  };
  const lastCodeSentTo = async (mobile: string): Promise<string> => {
    // Written as people type it, with an unencoded '+'.
    const inbox = (await (await get(`/dev/sms?to=${mobile}`)).json()) as { messages: { text: string }[] };
    const match = /code is (\d{6})\./.exec(inbox.messages.at(-1)?.text ?? '');
    if (!match?.[1]) throw new Error(`no code in the inbox of ${mobile}`);
    return match[1];
  };

  beforeAll(async () => {
    // The identity key is written under DATA_DIR/keys: keep it out of the developer's data directory.
    dataDir = await mkdtemp(join(tmpdir(), 'expediente-identity-e2e-'));
    process.env.DATA_DIR = dataDir;
    queuePrefix = testQueuePrefix();
    process.env.QUEUE_PREFIX = queuePrefix;
    storage = await openStorage(loadConfig({ DATABASE_URL: testDatabaseUrl, DATABASE_SCHEMA: schema }));
    app = await createHttpApp(
      'api',
      {
        module: IdentityE2eModule,
        imports: [InfraModule.forRoot({ storage }), IdentityApiModule],
        controllers: [ProbeController],
      },
      { filter: new ProblemDetailsFilter() },
    );
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await storage?.close();
    const pool = new Pool({ connectionString: testDatabaseUrl, max: 1 });
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
    await rm(dataDir, { recursive: true, force: true });
    await removeKeys(`${queuePrefix}:`);
    if (previousDataDir === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = previousDataDir;
    if (previousQueuePrefix === undefined) delete process.env.QUEUE_PREFIX;
    else process.env.QUEUE_PREFIX = previousQueuePrefix;
  });

  it('logs in through /dev/login and returns a token with the normalised principal', async () => {
    const response = await post('/dev/login', citizen);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; principal: Principal; expiresAt: string };
    expect(body.token.split('.')).toHaveLength(3);
    expect(body.principal).toEqual({ ...citizen, subject: '12345678Z' });
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('refuses a malformed login body with 400 VALIDATION_FAILED naming every field', async () => {
    const response = await post('/dev/login', {
      subject: '12345678Z',
      roles: ['wizard'],
      levelOfAssurance: 'pin',
      mobile: '600',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = (await response.json()) as { code: string; fields: { field: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields.map((f) => f.field)).toEqual(
      expect.arrayContaining(['name', 'roles.0', 'levelOfAssurance', 'mobile']),
    );
  });

  it('refuses a login for an invalid DNI with 422 INVALID_IDENTITY_NUMBER', async () => {
    const response = await post('/dev/login', { ...citizen, subject: '12345678A' });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'INVALID_IDENTITY_NUMBER' });
  });

  it('answers a guarded route with 401 UNAUTHENTICATED without a token and 401 INVALID_TOKEN with a bad one', async () => {
    const without = await get('/probe/me');
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toContain('Bearer');
    expect(await without.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });

    const forged = await get('/probe/me', `${await login(citizen)}x`);
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
  });

  it('serves a guarded route to the bearer of a valid token, as that principal', async () => {
    const response = await get('/probe/me', await login(citizen));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ subject: '12345678Z', roles: ['citizen'] });
  });

  it('refuses a route for other roles with 403 FORBIDDEN_ROLE', async () => {
    const refused = await get('/probe/queue', await login(citizen));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      code: 'FORBIDDEN_ROLE',
      requiredRoles: ['reviewer', 'supervisor'],
    });

    const reviewer = {
      subject: 'X1234567L',
      name: 'Jordi Puig',
      roles: ['reviewer'],
      levelOfAssurance: 'certificate',
      unit: 'ICAM',
    };
    const allowed = await get('/probe/queue', await login(reviewer));
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ unit: 'ICAM' });
  });

  it('signs with the code sent by SMS, once', async () => {
    const token = await login(citizen);
    const requested = await post('/probe/cases/case-1/signing-code', {}, token);
    expect(requested.status).toBe(201);
    expect(await requested.json()).toMatchObject({ sentTo: '+********001' });

    const code = await lastCodeSentTo(citizen.mobile);
    const inbox = (await (await get(`/dev/sms?to=%2B34600000001`)).json()) as {
      messages: { text: string }[];
    };
    expect(inbox.messages.at(-1)?.text).toBe(
      `Expediente: your signing code is ${code}. It expires in 5 minutes.`,
    );

    const signed = await post('/probe/cases/case-1/sign', { code }, token);
    expect(signed.status).toBe(200);
    const again = await post('/probe/cases/case-1/sign', { code }, token);
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ code: 'SIGNING_CODE_NOT_REQUESTED' });
  });

  it('refuses three wrong codes with 422 SIGNING_CODE_WRONG, then the right one with 429', async () => {
    const token = await login(citizen);
    await post('/probe/cases/case-2/signing-code', {}, token);
    const code = await lastCodeSentTo(citizen.mobile);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');

    for (const attemptsLeft of [2, 1, 0]) {
      const response = await post('/probe/cases/case-2/sign', { code: wrong }, token);
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ code: 'SIGNING_CODE_WRONG', attemptsLeft });
    }
    const exhausted = await post('/probe/cases/case-2/sign', { code }, token);
    expect(exhausted.status).toBe(429);
    expect(await exhausted.json()).toMatchObject({ code: 'SIGNING_CODE_ATTEMPTS_EXHAUSTED' });
  });

  it('sends no code to certificate holders (409) nor to someone without a registered mobile (422)', async () => {
    const certificate = await login({ ...citizen, levelOfAssurance: 'certificate' });
    const notNeeded = await post('/probe/cases/case-3/signing-code', {}, certificate);
    expect(notNeeded.status).toBe(409);
    expect(await notNeeded.json()).toMatchObject({ code: 'SIGNING_CODE_NOT_NEEDED' });

    const { mobile: _none, ...withoutMobile } = citizen;
    const noMobile = await post('/probe/cases/case-3/signing-code', {}, await login(withoutMobile));
    expect(noMobile.status).toBe(422);
    expect(await noMobile.json()).toMatchObject({ code: 'NO_REGISTERED_MOBILE' });
  });
});
