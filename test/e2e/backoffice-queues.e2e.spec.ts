import { INestApplication } from '@nestjs/common';
import { createBackofficeApp } from '../../apps/backoffice/src/backoffice.app';
import { RunningSystem, startSystem } from '../support/system';

/** The operators' queue board (@bull-board) in the back office, behind the operator role. */
describe('back office job queues', () => {
  let system: RunningSystem;
  let backoffice: INestApplication;
  let base: string;

  beforeAll(async () => {
    system = await startSystem();
    backoffice = await createBackofficeApp({ storage: system.storage });
    await backoffice.listen(0, '127.0.0.1');
    base = (await backoffice.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await backoffice?.close();
    await system?.stop();
  });

  const tokenOf = async (roles: string[]) => {
    const response = await fetch(`${system.api}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: '56789012B',
        name: 'Operadora',
        roles,
        levelOfAssurance: 'certificate',
      }),
    });
    return ((await response.json()) as { token: string }).token;
  };

  it('refuses anyone without a session', async () => {
    const response = await fetch(`${base}/queues`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a citizen', async () => {
    const response = await fetch(`${base}/queues`, {
      headers: { authorization: `Bearer ${await tokenOf(['citizen'])}` },
    });
    expect(response.status).toBe(403);
  });

  it('shows every queue to an operator, failed jobs included', async () => {
    const headers = { authorization: `Bearer ${await tokenOf(['operator'])}` };
    expect((await fetch(`${base}/queues`, { headers })).status).toBe(200);
    const api = await fetch(`${base}/queues/api/queues`, { headers });
    expect(api.status).toBe(200);
    const { queues } = (await api.json()) as { queues: { name: string }[] };
    expect(queues.map((q) => q.name).sort()).toEqual([
      'alerts',
      'deadlines',
      'paper-post',
      'reactions',
      'receipts',
    ]);
  });
});
