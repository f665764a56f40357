import { ca } from './ca';
import { en } from './en';
import { es, type MessageKey } from './es';

export type { MessageKey };
export type Language = 'es' | 'ca' | 'en';
export const LANGUAGES: readonly Language[] = ['es', 'ca', 'en'];
export const MESSAGES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { es, ca, en };

/** A text to show, kept as its key and values so it can be read in any language. */
export interface Message {
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, string>>;
}

const LOCALE: Record<Language, string> = { es: 'es-ES', ca: 'ca-ES', en: 'en-GB' };

/** One formatter per language: making one costs far more than formatting (a rebuild renders millions). */
const DAY_FORMAT = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'long', timeZone: 'Europe/Madrid' }),
  ]),
) as Record<Language, Intl.DateTimeFormat>;

/** A Madrid calendar day ('YYYY-MM-DD') or an instant, as the day it is in Madrid, written out. */
export const writtenDate = (language: Language, value: string): string => {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  return DAY_FORMAT[language].format(instant);
};

export function render(message: Message, language: Language): string {
  return MESSAGES[language][message.key].replace(/\{(\w+)(:date)?\}/g, (_, name: string, date?: string) => {
    const value = message.params[name] ?? '';
    return date ? writtenDate(language, value) : value;
  });
}

/**
 * The language an Accept-Language header asks for: the first of Accept-Language's languages we
 * have (by weight), else Spanish. A `lang` query parameter, when given, comes before it.
 */
export function languageOf(acceptLanguage: string | undefined): Language {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...options] = part.trim().split(';');
      const q = options.map((o) => o.trim()).find((o) => o.startsWith('q='));
      return { tag: tag.toLowerCase().split('-')[0] ?? '', weight: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => LANGUAGES.find((l) => l === entry.tag)).find((l) => l !== undefined) ?? 'es';
}
