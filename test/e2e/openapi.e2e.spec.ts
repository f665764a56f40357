import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningSystem, startSystem } from '../support/system';

const bin = (name: string) => join(process.cwd(), 'node_modules', '.bin', name);
/** The typed client's types, generated from the document; `UPDATE_OPENAPI_CLIENT=1` rewrites them. */
const CLIENT_TYPES = join(process.cwd(), 'libs/infra/src/api-client/expediente-api.ts');

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

/** The OpenAPI document is a contract a client can be generated from: lint-clean, complete, and in sync. */
describe('the OpenAPI document', () => {
  let system: RunningSystem;
  const dir = mkdtempSync(join(tmpdir(), 'expediente-openapi-'));
  const file = join(dir, 'openapi.json');
  let operations: [string, Operation][] = [];

  beforeAll(async () => {
    system = await startSystem({ worker: false });
    const document = (await (await fetch(`${system.api}/docs-json`)).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    writeFileSync(file, JSON.stringify(document, null, 2));
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]): [string, Operation] => [
        `${method.toUpperCase()} ${path}`,
        op,
      ]),
    );
  });
  afterAll(async () => {
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes redocly lint (recommended rules) with no errors', () => {
    const run = () =>
      execFileSync(process.execPath, [bin('redocly'), 'lint', file, '--format=summary'], {
        encoding: 'utf8',
        stdio: 'pipe',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      });
    const output = (() => {
      try {
        return run();
      } catch (error) {
        const failed = error as { stdout?: string; stderr?: string };
        throw new Error(`redocly lint failed:\n${failed.stdout ?? ''}${failed.stderr ?? ''}`, {
          cause: error,
        });
      }
    })();
    // The figures the closing note quotes: what is left, by rule.
    console.log(`redocly lint: ${output.match(/^(error|warning).*$/gm)?.join('; ') ?? 'no problems'}`);
    expect(output).not.toMatch(/^error/m);
  });

  it('names every operation after its use case, with a summary, a description and unique ids', () => {
    const ids = operations.map(([, op]) => op.operationId);
    for (const [name, op] of operations) {
      expect({ name, operationId: op.operationId }).toEqual({
        name,
        operationId: expect.stringMatching(/^[a-z][A-Za-z]+$/),
      });
      expect({ name, summary: Boolean(op.summary), description: Boolean(op.description) }).toEqual({
        name,
        summary: true,
        description: true,
      });
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares a success schema and problem+json refusals for every operation', () => {
    // A health check answers 200 or 503, never a client error.
    const mayRefuseClients = ([name]: [string, Operation]) => !name.startsWith('GET /health');
    for (const [name, op] of operations.filter(mayRefuseClients)) {
      const statuses = Object.keys(op.responses);
      const refusals = statuses.filter((status) => status.startsWith('4'));
      expect({
        name,
        hasSuccess: statuses.some((s) => s.startsWith('2')),
        hasRefusals: refusals.length > 0,
      }).toEqual({
        name,
        hasSuccess: true,
        hasRefusals: true,
      });
      for (const status of refusals) {
        expect({ name, status, types: Object.keys(op.responses[status]!.content ?? {}) }).toEqual({
          name,
          status,
          types: ['application/problem+json'],
        });
      }
    }
  });

  it('is what the committed typed client was generated from', () => {
    const generated = execFileSync(process.execPath, [bin('openapi-typescript'), file], { encoding: 'utf8' });
    if (process.env.UPDATE_OPENAPI_CLIENT === '1') writeFileSync(CLIENT_TYPES, generated);
    expect(readFileSync(CLIENT_TYPES, 'utf8')).toBe(generated);
  });
});
