import { describeSize } from '@expediente/domain/filing/attachment';
import type { ProblemDetails } from '../problem-details';
import { Language, languageOf, LANGUAGES } from '../../case-status/messages/messages';
import { API_CA, DOMAIN_CA, TITLES_CA } from './ca';
import { API_ES, DOMAIN_ES, TITLES_ES } from './es';

const DETAILS: Readonly<Record<Exclude<Language, 'en'>, Readonly<Record<string, string>>>> = {
  es: { ...API_ES, ...DOMAIN_ES },
  ca: { ...API_CA, ...DOMAIN_CA },
};
const TITLES: Readonly<Record<Exclude<Language, 'en'>, Readonly<Record<number, string>>>> = {
  es: TITLES_ES,
  ca: TITLES_CA,
};

/**
 * The language a refusal is written in: `?lang=` when given, else Accept-Language when it
 * names a language (one we lack reads Spanish). Without either, English, as API clients have
 * always read it.
 */
export function problemLanguage(query: unknown, acceptLanguage: string | undefined): Language {
  const asked =
    typeof query === 'object' && query !== null && 'lang' in query
      ? LANGUAGES.find((l) => l === query.lang)
      : undefined;
  if (asked) return asked;
  // `*` (what fetch sends by default) names no language.
  const namesOne = (acceptLanguage ?? '').split(',').some((part) => /^[a-z]{2}/i.test(part.trim()));
  return namesOne ? languageOf(acceptLanguage) : 'en';
}

/**
 * A refusal in the person's language: the title and the detail, by code; English keeps the
 * code's own detail (it names the specifics). The code, status and facts never change, so
 * clients branch on the same things in every language.
 */
export function localiseProblem(details: ProblemDetails, language: Language): ProblemDetails {
  if (language === 'en') return details;
  const template = DETAILS[language][details.code];
  const detail = template === undefined ? undefined : fill(template, factsOf(details));
  const title = TITLES[language][details.status];
  return { ...details, ...(title && { title }), ...(detail && { detail }) };
}

const factsOf = (details: ProblemDetails): Readonly<Record<string, unknown>> =>
  typeof details.facts === 'object' && details.facts !== null ? { ...details, ...details.facts } : details;

/** `{name}` from the facts, `{name:size}` written as a size; undefined when a fact is missing (the English detail stays). */
function fill(template: string, facts: Readonly<Record<string, unknown>>): string | undefined {
  let complete = true;
  const text = template.replace(/\{(\w+)(:size)?\}/g, (_, name: string, size?: string) => {
    const value = facts[name];
    if (typeof value !== 'number' && typeof value !== 'string') {
      complete = false;
      return '';
    }
    // Sizes as the domain writes them (binary MB), with the decimal comma of Spanish and Catalan.
    return size && typeof value === 'number' ? describeSize(value).replace('.', ',') : String(value);
  });
  return complete ? text : undefined;
}
