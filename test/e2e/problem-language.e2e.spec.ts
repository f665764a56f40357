import { RunningSystem, startSystem } from '../support/system';

/** API refusals read in the language the client asks for; code, status and facts stay the same. */
describe('refusals in the client’s language', () => {
  let system: RunningSystem;
  let token: string;
  beforeAll(async () => {
    system = await startSystem({ worker: false });
    const login = await fetch(`${system.api}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: '23456789D',
        name: 'Núria Puig Soler',
        roles: ['citizen'],
        levelOfAssurance: 'certificate',
      }),
    });
    token = ((await login.json()) as { token: string }).token;
  });
  afterAll(() => system?.stop());

  const fileFor = (language?: string) =>
    fetch(`${system.api}/filings/medical-reports`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(language && { 'accept-language': language }),
      },
      body: JSON.stringify({ subject: '23456789D', benefitRequestRef: 'IP-2026-000000', provinceCode: '99' }),
    });

  it.each([
    ['es', 'Esa provincia no existe'],
    ['ca-ES,ca;q=0.9', 'Aquesta província no existeix'],
  ])('with Accept-Language %s', async (language, text) => {
    const response = await fileFor(language);
    const body = (await response.json()) as { code: string; detail: string };
    expect(response.headers.get('content-language')).toBe(language.slice(0, 2));
    expect(body.code).toBe('UNKNOWN_PROVINCE');
    expect(body.detail).toContain(text);
  });

  it('in English, with the code’s own detail, when no language is asked for', async () => {
    const response = await fileFor();
    const body = (await response.json()) as { code: string; detail: string };
    expect(body.code).toBe('UNKNOWN_PROVINCE');
    expect(response.headers.get('content-language')).toBe('en');
    expect(body.detail).toMatch(/province/i);
  });
});
