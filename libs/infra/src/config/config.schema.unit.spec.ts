import { InvalidConfiguration, loadConfig } from './config.schema';

describe('configuration', () => {
  it('defaults to embedded storage, local Redis and the standard ports', () => {
    expect(loadConfig({})).toMatchObject({
      DATA_DIR: './data',
      REDIS_URL: 'redis://127.0.0.1:6379',
      API_PORT: 3000,
      BACKOFFICE_PORT: 3001,
      WORKER_PORT: 3002,
      CHROME_PATH: '/usr/bin/chromium',
    });
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
  });

  it('reads TRUST_PROXY as Express takes it: a hop count, true, or addresses and subnets', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
    expect(loadConfig({}).TRUST_PROXY).toBeUndefined();
    expect(() => loadConfig({ TRUST_PROXY: 'yes please!' })).toThrow(/TRUST_PROXY/);
  });

  it('cuts slow clients off at 10 s for headers and 60 s for the whole request by default', () => {
    expect(loadConfig({})).toMatchObject({
      HTTP_HEADERS_TIMEOUT_MS: 10_000,
      HTTP_REQUEST_TIMEOUT_MS: 60_000,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 5_000,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names every invalid setting at once, with an example of a valid one', () => {
    const attempt = () =>
      loadConfig({ DATABASE_URL: 'mysql://x', API_PORT: 'eighty', EVENTSTORE_URL: 'http://es' });
    expect(attempt).toThrow(InvalidConfiguration);
    expect(attempt).toThrow(/DATABASE_URL: must be a URL starting with postgres:\/\/ or postgresql:\/\//);
    expect(attempt).toThrow(/API_PORT/);
    expect(attempt).toThrow(/EVENTSTORE_URL: .*esdb:\/\//);
  });

  it('refuses a schema name that is not a plain SQL identifier', () => {
    expect(() => loadConfig({ DATABASE_SCHEMA: 'x; drop table events' })).toThrow(/DATABASE_SCHEMA/);
  });

  it('reads abuse limits as count/window, with sane defaults', () => {
    expect(loadConfig({})).toMatchObject({
      RATE_LIMIT_SIGNING_CODES_PER_FILING: { limit: 3, windowMs: 15 * 60_000 },
      RATE_LIMIT_SIGNING_CODES_PER_PHONE: { limit: 5, windowMs: 15 * 60_000 },
      SIGNING_CODE_WRONG_GUESSES: { limit: 3, windowMs: 3_600_000 },
      RATE_LIMIT_LOGIN_PER_IP: { limit: 100, windowMs: 15 * 60_000 },
    });
    expect(loadConfig({ RATE_LIMIT_UPLOADS: '10/30s' }).RATE_LIMIT_UPLOADS).toEqual({
      limit: 10,
      windowMs: 30_000,
    });
    expect(() => loadConfig({ RATE_LIMIT_UPLOADS: 'ten per minute' })).toThrow(
      /RATE_LIMIT_UPLOADS: must read like 3\/15m/,
    );
    expect(() => loadConfig({ RATE_LIMIT_UPLOADS: '0/15m' })).toThrow(/RATE_LIMIT_UPLOADS/);
  });
});
