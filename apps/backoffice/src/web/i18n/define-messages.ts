import type { Language } from '@expediente/infra/case-status/messages/messages';

/**
 * One area's texts: Spanish is the source of the keys, Catalan and English must have every one
 * of them (the compiler says so). `{name}` is replaced by a value, `{name:date}` by a date.
 */
export type AreaMessages<K extends string> = Readonly<Record<Language, Readonly<Record<K, string>>>>;

export function defineMessages<const K extends string>(
  es: Readonly<Record<K, string>>,
  others: { readonly ca: Readonly<Record<K, string>>; readonly en: Readonly<Record<K, string>> },
): AreaMessages<K> {
  return { es, ca: others.ca, en: others.en };
}
