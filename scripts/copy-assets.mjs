// tsc emits only JavaScript: copy templates (.hbs), message files and static assets next to the
// compiled code that reads them.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const COPIED = new Set(['templates', 'messages', 'assets']);

function copyTemplates(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    if (COPIED.has(name)) cpSync(path, join('dist', path), { recursive: true });
    else copyTemplates(path);
  }
}

for (const root of ['apps', 'libs']) copyTemplates(root);
