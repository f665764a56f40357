import { problem } from '../problem-details';
import { localiseProblem, problemLanguage } from './problem-messages';

describe('refusals in the person’s language', () => {
  it('keep English (the code’s own detail) unless a language is asked for', () => {
    expect(problemLanguage({}, undefined)).toBe('en');
    expect(problemLanguage({}, 'ca-ES, es;q=0.5')).toBe('ca');
    expect(problemLanguage({ lang: 'es' }, 'en')).toBe('es');
    expect(problemLanguage({}, 'de')).toBe('es');
  });

  it('translate title and detail by code, keeping code, status and facts', () => {
    const refusal = problem(422, 'ATTACHMENTS_TOO_LARGE', 'The request breaks a rule', 'Together …', {
      facts: { total: 11 * 1024 * 1024 + 524288, limit: 10 * 1024 * 1024 },
    });
    expect(localiseProblem(refusal, 'es')).toMatchObject({
      status: 422,
      code: 'ATTACHMENTS_TOO_LARGE',
      title: 'Los datos incumplen una regla del trámite',
      detail: 'Los documentos no pueden sumar más de 10 MB; estos suman 11,5 MB. Quite alguno o redúzcalos.',
      facts: { limit: 10485760 },
    });
    expect(localiseProblem(refusal, 'ca').detail).toContain('aquests sumen 11,5 MB');
    expect(localiseProblem(refusal, 'en')).toBe(refusal);
  });

  it('keep the English detail when a fact its text needs is missing, or the code is not known', () => {
    const bare = problem(413, 'UPLOAD_TOO_LARGE', 'Too large', 'The document is larger than 10 MB.');
    expect(localiseProblem(bare, 'es').detail).toBe('The document is larger than 10 MB.');
    expect(localiseProblem(problem(400, 'SOMETHING_NEW', 'x', 'y'), 'ca').detail).toBe('y');
  });
});
