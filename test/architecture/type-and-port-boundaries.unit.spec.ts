import { ESLint } from 'eslint';

/**
 * The rules against type erasure and against apps reaching for adapters must fire where they
 * are meant to: plant violations and see each caught (a mistyped glob would switch them off).
 */
describe('type erasure and port boundaries', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const lint = async (code: string, filePath: string, ruleId: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === ruleId).map((m) => m.message);
  };

  it.each(['apps/api/src/planted.ts', 'libs/infra/src/planted.ts', 'libs/domain/src/planted.ts'])(
    'refuses `as never` and `as unknown as` in %s',
    async (file) => {
      const code =
        'declare const x: string;\nexport const a = x as never;\nexport const b = x as unknown as number;\n';
      const messages = await lint(code, file, 'no-restricted-syntax');
      expect(messages).toEqual([
        expect.stringContaining('as never'),
        expect.stringContaining('as unknown as'),
      ]);
    },
  );

  it('allows a plain `as` narrowing and `as const`', async () => {
    const code =
      "declare const x: unknown;\nexport const a = x as string;\nexport const b = ['a'] as const;\n";
    expect(await lint(code, 'apps/api/src/planted.ts', 'no-restricted-syntax')).toEqual([]);
  });

  it.each([
    "import { SqlEventStore } from '@expediente/infra/event-store/event-store.sql';",
    "import { LocalSmsGateway } from '@expediente/infra/sms/sms.local';",
    "import { PooledPdfRenderer } from '@expediente/infra/pdf/pdf-renderer.pool';",
    "import { RedisThrottlerStorage } from '@expediente/infra/rate-limit/throttler-storage.redis';",
  ])('refuses an adapter in apps: %s', async (code) => {
    const messages = await lint(
      `${code}\nexport const x = 1;\n`,
      'apps/worker/src/planted.ts',
      'no-restricted-imports',
    );
    expect(messages.join(' ')).toContain('apps import ports');
  });

  it('allows ports in apps and adapters in libs/infra', async () => {
    const port =
      "import { EVENT_STORE } from '@expediente/infra/event-store/event-store.port';\nexport const x = EVENT_STORE;\n";
    expect(await lint(port, 'apps/api/src/planted.ts', 'no-restricted-imports')).toEqual([]);
    const adapter =
      "import { SqlEventStore } from '@expediente/infra/event-store/event-store.sql';\nexport const x = SqlEventStore;\n";
    expect(await lint(adapter, 'libs/infra/src/planted.ts', 'no-restricted-imports')).toEqual([]);
  });
});
