import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { describeTask } from '@expediente/infra/case-status/case-timeline.text';
import type { CaseStatusView, TimelineEntry } from '@expediente/infra/case-status/case-status.port';
import { Language, LANGUAGES, languageOf, render } from '@expediente/infra/case-status/messages/messages';
import { parseBody } from '../problem/parse-body';

export const languageQuery = z.object({ lang: z.enum(LANGUAGES).optional() });

/** `lang` when given, else Accept-Language, else Spanish; a `lang` we do not have is a 400. */
export function chosenLanguage(query: unknown, acceptLanguage: string | undefined): Language {
  return parseBody(languageQuery, query).lang ?? languageOf(acceptLanguage);
}

/** How a client picks the citizen's language, documented once for every status read. */
export const LanguageParams = () =>
  applyDecorators(
    ApiQuery({
      name: 'lang',
      required: false,
      description: 'The language of the texts; wins over Accept-Language. Spanish unless asked.',
      schema: { type: 'string', enum: [...LANGUAGES] },
    }),
    ApiHeader({
      name: 'Accept-Language',
      required: false,
      description: 'es (default), ca or en, with weights.',
      schema: { type: 'string', example: 'ca, en;q=0.8' },
    }),
  );

export const languageRefusal = { status: 400, codes: ['VALIDATION_FAILED'] };

/** The case as the citizen reads it: what to do next, in their language. */
export function presentCase(view: CaseStatusView, language: Language) {
  return {
    ...view,
    todo: view.todo.map((task) => ({ ...task, text: render(describeTask(task), language) })),
  };
}
export type PresentedCase = ReturnType<typeof presentCase>;

/** Entries written before messages were kept read in Spanish, as they were written. */
export function presentTimeline(entries: readonly TimelineEntry[], language: Language) {
  return entries.map(({ at, kind, text, message }) => ({
    at,
    kind,
    text: message ? render(message, language) : text,
  }));
}
