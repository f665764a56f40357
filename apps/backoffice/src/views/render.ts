import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';

const layout = compile('layout');

/** Templates sit next to this file as .hbs; HTML-escaped by default, compiled once. */
export function compile(name: string): Handlebars.TemplateDelegate {
  const source = readFileSync(join(__dirname, 'templates', `${name}.hbs`), 'utf8');
  return Handlebars.compile(source, { strict: false });
}

export function page(title: string, body: string, lang = 'es'): string {
  return layout({ title, body, lang });
}
