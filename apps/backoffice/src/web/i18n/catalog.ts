import {
  Language,
  LANGUAGES,
  languageOf,
  writtenDate,
} from '@expediente/infra/case-status/messages/messages';
import { auditMessages } from './audit.messages';
import type { AreaMessages } from './define-messages';
import { citizenFilingMessages } from './citizen-filing.messages';
import { layoutMessages } from './layout.messages';
import { loginMessages } from './login.messages';
import { operatorMessages } from './operator.messages';
import { staffLabelMessages } from './staff-labels.messages';
import { supervisorMessages } from './supervisor.messages';
import { staffReviewerMessages } from './staff-reviewer.messages';
import { citizenCasesMessages } from './citizen-cases.messages';
import { citizenNotificationsMessages } from './citizen-notifications.messages';
import { citizenPowersMessages } from './citizen-powers.messages';
import { publicPagesMessages } from './public-pages.messages';

export { LANGUAGES, languageOf, writtenDate, type Language };

const LOCALE: Readonly<Record<Language, string>> = { es: 'es-ES', ca: 'ca-ES', en: 'en-GB' };

/** An instant as the day and time it was in Madrid, written out in the language. */
export function writtenDateTime(language: Language, value: string): string {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  return new Intl.DateTimeFormat(LOCALE[language], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Madrid',
  }).format(instant);
}

/**
 * Every page text, by area: each area keeps its own file (one per group of pages), all of
 * them meet here. A key is unique across areas (the unit test checks it).
 */
export const AREAS: readonly AreaMessages<string>[] = [
  layoutMessages,
  loginMessages,
  operatorMessages,
  staffLabelMessages,
  supervisorMessages,
  citizenFilingMessages,
  staffReviewerMessages,
  auditMessages,
  citizenCasesMessages,
  citizenNotificationsMessages,
  citizenPowersMessages,
  publicPagesMessages,
];

const CATALOG: Readonly<Record<Language, ReadonlyMap<string, string>>> = {
  es: new Map(AREAS.flatMap((area) => Object.entries(area.es))),
  ca: new Map(AREAS.flatMap((area) => Object.entries(area.ca))),
  en: new Map(AREAS.flatMap((area) => Object.entries(area.en))),
};

export type Translate = (key: string, params?: Readonly<Record<string, unknown>>) => string;

export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  es: 'Español',
  ca: 'Català',
  en: 'English',
};

export function hasMessage(key: string): boolean {
  return CATALOG.es.has(key);
}

/** The texts of one language; an unknown key reads as itself, so a missing text shows, never breaks a page. */
export function translator(language: Language): Translate {
  return (key, params = {}) =>
    (CATALOG[language].get(key) ?? key).replace(/\{(\w+)(:date)?\}/g, (_, name: string, date?: string) => {
      const value = params[name];
      const text = value === undefined || value === null ? '' : String(value);
      return date ? writtenDate(language, text) : text;
    });
}
