import { ESLint } from 'eslint';

/**
 * The boundary rule must actually fire on libs/domain: plant violations and see them caught,
 * so a mistyped glob in eslint.config.mjs cannot silently switch the rule off.
 */
describe('domain boundary', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const lint = async (code: string, filePath: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it.each([
    ["import { Injectable } from '@nestjs/common';", 'Nest'],
    ["import { Pool } from 'pg';", 'drivers'],
    ["import { SqlEventStore } from '@expediente/infra/event-store/event-store.sql';", 'infrastructure'],
    ["import { readFileSync } from 'node:fs';", 'I/O'],
  ])('refuses %s in libs/domain', async (code, what) => {
    const messages = await lint(`${code}\nexport const x = 1;\n`, 'libs/domain/src/planted.ts');
    expect(messages.join(' ')).toContain(what);
  });

  it('allows the same imports outside libs/domain', async () => {
    expect(
      await lint("import { Pool } from 'pg';\nexport const x = Pool;\n", 'libs/infra/src/planted.ts'),
    ).toEqual([]);
  });
});
