import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createApiApp } from '../../apps/api/src/api.app';
import { ApiClient, pdfBytes, Reply } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';

type Problem = { status: number; code: string; detail: string; facts?: Record<string, unknown> };

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
/** A checksum-valid DNI of our own for each test person, so no two tests share a counter. */
let nextPerson = 40_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
const newDni = (): string => {
  const n = nextPerson++;
  return `${n}${DNI_LETTERS[n % 23]}`;
};
let nextPhone = 600_000_000 + Math.floor(Math.random() * 90_000) * 1000;
const newPhone = (): string => `+34${nextPhone++}`;

/** A 429 as every limit answers it: problem+json, a human detail, Retry-After in seconds. */
function expectTooMany(reply: Reply<unknown>, code = 'RATE_LIMITED'): Problem {
  const body = reply.body as Problem;
  expect({ status: reply.status, code: body.code }).toEqual({ status: 429, code });
  expect(reply.headers.get('content-type')).toContain('application/problem+json');
  expect(body.detail).toMatch(/try again|ask for a new code/);
  const retryAfter = Number(reply.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter) && retryAfter > 0).toBe(true);
  return body;
}

const smsCount = async (api: string, phone: string): Promise<number> => {
  const inbox = (await (await fetch(`${api}/dev/sms?to=${encodeURIComponent(phone)}`)).json()) as {
    messages: unknown[];
  };
  return inbox.messages.length;
};

const statusesOf = (replies: readonly Reply<unknown>[]) =>
  replies.reduce<Record<number, number>>(
    (counts, r) => ({ ...counts, [r.status]: (counts[r.status] ?? 0) + 1 }),
    {},
  );

/**
 * The abuse limits over real HTTP with Redis: signing codes per filing and per phone, the wrong-
 * code budget, submissions and uploads per person, logins per person and per address, and one
 * limit held by two API processes sharing Redis. Defaults, except where the env below says.
 */
describe('abuse limits', () => {
  describe('signing codes, submissions and uploads', () => {
    let system: RunningSystem;

    beforeAll(async () => {
      // Tighter than the defaults (30 and 100) so the tests stay short; the code limits are defaults.
      Object.assign(process.env, { RATE_LIMIT_SUBMISSIONS: '5/15m', RATE_LIMIT_UPLOADS: '5/15m' });
      system = await startSystem({ worker: false });
    });
    afterAll(async () => {
      await system?.stop();
      delete process.env.RATE_LIMIT_SUBMISSIONS;
      delete process.env.RATE_LIMIT_UPLOADS;
    });

    const claveUser = (subject = newDni(), mobile = newPhone()) =>
      ApiClient.login(system.api, {
        subject,
        name: `Persona ${subject}`,
        levelOfAssurance: 'clave-permanente',
        mobile,
      });
    const draftOf = async (filer: ApiClient, benefitRequestRef = 'IT-2026-999999') => {
      const created = await filer.request<{ caseId: string }>('POST', '/filings/medical-reports', {
        subject: filer.who.subject,
        benefitRequestRef,
        provinceCode: '28',
      });
      expect(created.status).toBe(201);
      return `/filings/medical-reports/${created.body.caseId}`;
    };

    it('sends 3 signing codes for one filing in 15 minutes: 200 requests → 3 SMS, 197 × 429', async () => {
      const filer = await claveUser();
      const filing = await draftOf(filer);
      const replies: Reply[] = [];
      for (let batch = 0; batch < 10; batch++) {
        replies.push(
          ...(await Promise.all(
            Array.from({ length: 20 }, () => filer.request('POST', `${filing}/signing-code`)),
          )),
        );
      }
      expect(statusesOf(replies)).toEqual({ 202: 3, 429: 197 });
      const refusal = expectTooMany(replies.find((r) => r.status === 429)!);
      expect(refusal.facts).toMatchObject({ limit: 'signing-code-filing', allowed: 3, windowSeconds: 900 });
      expect(await smsCount(system.api, filer.who.mobile!)).toBe(3);
    });

    it('sends at most 5 codes to one phone in 15 minutes, whatever the filing or the person', async () => {
      const phone = newPhone();
      const filer = await claveUser(newDni(), phone);
      const [first, second] = [await draftOf(filer), await draftOf(filer)];
      const replies: Reply[] = [];
      for (let i = 0; i < 3; i++) replies.push(await filer.request('POST', `${first}/signing-code`));
      for (let i = 0; i < 3; i++) replies.push(await filer.request('POST', `${second}/signing-code`));
      expect(replies.map((r) => r.status)).toEqual([202, 202, 202, 202, 202, 429]);
      expect(expectTooMany(replies[5]!).facts).toMatchObject({ limit: 'signing-code-phone' });

      const sharingThePhone = await claveUser(newDni(), phone);
      const refused = await sharingThePhone.request('POST', `${await draftOf(sharingThePhone)}/signing-code`);
      expect(expectTooMany(refused).facts).toMatchObject({ limit: 'signing-code-phone' });
      expect(await smsCount(system.api, phone)).toBe(5);
    });

    it('keeps the three wrong guesses per filing across new codes: a fresh code is refused too', async () => {
      // 34567890V has an active benefit record for this request (fixtures), so only the code is in question.
      const filer = await claveUser('34567890V');
      const filing = await draftOf(filer, 'IT-2026-007001');
      expect(
        (
          await filer.upload(`${filing}/attachments`, {
            name: 'informe.pdf',
            kind: 'medical-report',
            bytes: pdfBytes(randomUUID()),
          })
        ).status,
      ).toBe(201);
      const submit = (signingCode: string) =>
        filer.request(
          'POST',
          `${filing}/submission`,
          { signingCode },
          { 'idempotency-key': `k-${randomUUID()}` },
        );
      const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

      expect((await filer.request('POST', `${filing}/signing-code`)).status).toBe(202);
      const firstCode = await filer.lastSmsCode();
      expect((await submit(wrong(firstCode))).body).toMatchObject({
        code: 'SIGNING_CODE_WRONG',
        attemptsLeft: 2,
      });
      expect((await submit(wrong(firstCode))).body).toMatchObject({
        code: 'SIGNING_CODE_WRONG',
        attemptsLeft: 1,
      });

      expect((await filer.request('POST', `${filing}/signing-code`)).status).toBe(202);
      const secondCode = await filer.lastSmsCode();
      expect((await submit(wrong(secondCode))).body).toMatchObject({
        code: 'SIGNING_CODE_WRONG',
        attemptsLeft: 0,
      });

      const refused = await submit(secondCode);
      expectTooMany(refused, 'SIGNING_CODE_ATTEMPTS_EXHAUSTED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500);
      // Nor is another code sent that could not be used.
      expectTooMany(await filer.request('POST', `${filing}/signing-code`), 'SIGNING_CODE_ATTEMPTS_EXHAUSTED');
      expect(await smsCount(system.api, filer.who.mobile!)).toBe(2);
    });

    it('takes 5 submissions per person in 15 minutes, replays included, then 429', async () => {
      const filer = await ApiClient.login(system.api, {
        subject: '12345678Z',
        name: 'Persona 12345678Z',
        levelOfAssurance: 'certificate',
      });
      const filing = await draftOf(filer, 'IT-2026-000124');
      await filer.upload(`${filing}/attachments`, {
        name: 'i.pdf',
        kind: 'medical-report',
        bytes: pdfBytes('s'),
      });
      const key = `key-${randomUUID()}`;
      const replies: Reply[] = [];
      for (let i = 0; i < 7; i++)
        replies.push(await filer.request('POST', `${filing}/submission`, {}, { 'idempotency-key': key }));
      expect(replies.map((r) => r.status)).toEqual([201, 200, 200, 200, 200, 429, 429]);
      expect(expectTooMany(replies[5]!).facts).toMatchObject({ limit: 'submission', allowed: 5 });
    });

    it('takes 5 uploads per person in 15 minutes; another person is not held back', async () => {
      const filer = await claveUser();
      const filing = await draftOf(filer);
      const upload = (who: ApiClient, path: string) =>
        who.upload(`${path}/attachments`, {
          name: 'i.pdf',
          kind: 'medical-report',
          bytes: pdfBytes(randomUUID()),
        });
      const replies: Reply[] = [];
      for (let i = 0; i < 6; i++) replies.push(await upload(filer, filing));
      expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 429]);
      expect(expectTooMany(replies[5]!).facts).toMatchObject({ limit: 'upload' });

      const other = await claveUser();
      expect((await upload(other, await draftOf(other))).status).toBe(201);
    });

    describe('with a second API process on the same Redis', () => {
      let second: INestApplication;
      let secondApi: string;

      beforeAll(async () => {
        second = await createApiApp({ storage: system.storage });
        await second.listen(0, '127.0.0.1');
        secondApi = (await second.getUrl()).replace('[::1]', '127.0.0.1');
      });
      afterAll(() => second?.close());

      it('holds one limit across both: 10 code requests alternating → 3 SMS in all', async () => {
        const filer = await claveUser();
        const filing = await draftOf(filer);
        // The same person, logged in through the other process: tokens are valid on every replica.
        const throughSecond = await ApiClient.login(secondApi, filer.who);
        const replies: Reply[] = [];
        for (let i = 0; i < 10; i++)
          replies.push(await (i % 2 === 0 ? filer : throughSecond).request('POST', `${filing}/signing-code`));
        expect(statusesOf(replies)).toEqual({ 202: 3, 429: 7 });
        const sent =
          (await smsCount(system.api, filer.who.mobile!)) + (await smsCount(secondApi, filer.who.mobile!));
        expect(sent).toBe(3);
      });
    });
  });

  describe('logins', () => {
    let system: RunningSystem;

    beforeAll(async () => {
      Object.assign(process.env, {
        RATE_LIMIT_LOGIN_PER_IP: '10/15m',
        RATE_LIMIT_LOGIN_PER_SUBJECT: '3/15m',
      });
      system = await startSystem({ worker: false });
    });
    afterAll(async () => {
      await system?.stop();
      delete process.env.RATE_LIMIT_LOGIN_PER_IP;
      delete process.env.RATE_LIMIT_LOGIN_PER_SUBJECT;
    });

    const login = async (subject: string): Promise<Reply<unknown>> => {
      const response = await fetch(`${system.api}/dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          subject,
          name: 'Persona',
          roles: ['citizen'],
          levelOfAssurance: 'certificate',
        }),
      });
      return { status: response.status, body: await response.json(), headers: response.headers };
    };

    it('limits /dev/login per person (3) and per address (10) in 15 minutes', async () => {
      const person = newDni();
      // However it is typed, it is one person.
      const spellings = [
        person,
        person.toLowerCase(),
        `${person.slice(0, 8)}-${person[8]}`,
        ` ${person}`,
        person,
      ];
      const asOne: Reply<unknown>[] = [];
      for (const spelling of spellings) asOne.push(await login(spelling));
      expect(asOne.map((r) => r.status)).toEqual([200, 200, 200, 429, 429]);
      expect(expectTooMany(asOne[3]!).facts).toMatchObject({ limit: 'login-subject', allowed: 3 });

      // Those five came from 127.0.0.1 too: five more people get in from it, then nobody.
      const others: Reply<unknown>[] = [];
      for (let i = 0; i < 7; i++) others.push(await login(newDni()));
      expect(others.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
      expect(expectTooMany(others[5]!).facts).toMatchObject({ limit: 'login-ip', allowed: 10 });
    });
  });
});
