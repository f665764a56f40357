import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AREAS, hasMessage } from './catalog';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(:date)?\}/g)].map((m) => m[0]).sort();

function templates(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? templates(path) : name.endsWith('.hbs') ? [path] : [];
  });
}

describe('the pages’ texts', () => {
  it('give every key once, across all areas', () => {
    const keys = AREAS.flatMap((area) => Object.keys(area.es));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it('fill the same placeholders in Catalan and English as in Spanish', () => {
    const mismatched = AREAS.flatMap((area) =>
      Object.entries(area.es).flatMap(([key, text]) =>
        (['ca', 'en'] as const)
          .filter((lang) => placeholders(area[lang][key] ?? '').join() !== placeholders(text).join())
          .map((lang) => `${lang}:${key}`),
      ),
    );
    expect(mismatched).toEqual([]);
  });

  it('have a text for every key a template names', () => {
    const root = join(__dirname, '..');
    const missing = templates(root).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\{\{t "([\w.-]+)"/g)]
        .map((m) => m[1]!)
        .filter((key) => !hasMessage(key))
        .map((key) => `${file.slice(root.length + 1)}: ${key}`),
    );
    expect(missing).toEqual([]);
  });
});
