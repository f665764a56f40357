import { LANGUAGES, MESSAGES, languageOf, render } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(:date)?\}/g)].map((m) => m[0]).sort();

describe('the citizen’s messages', () => {
  it('has every key, with the same placeholders, in es, ca and en', () => {
    const keys = Object.keys(MESSAGES.es).sort();
    for (const language of LANGUAGES) {
      const messages: Record<string, string> = MESSAGES[language];
      expect(Object.keys(messages).sort()).toEqual(keys);
      for (const key of keys) {
        expect({ language, key, placeholders: placeholders(messages[key]!) }).toEqual({
          language,
          key,
          placeholders: placeholders(MESSAGES.es[key as keyof typeof MESSAGES.es]),
        });
      }
    }
  });

  it('writes dates out in the language, as the day they are in Madrid', () => {
    const message = {
      key: 'todo.open-notification',
      params: { lastDayToAccess: '2026-06-13', deemedRejectedAt: '2026-06-13T22:00:00.000Z' },
    } as const;
    expect(render(message, 'es')).toContain(
      'hasta el 13 de junio de 2026; si no, se tendrá por rechazada el 14 de junio de 2026',
    );
    expect(render(message, 'en')).toContain('by 13 June 2026, or it will be deemed rejected on 14 June 2026');
  });

  it('takes the first language of Accept-Language it has, by weight, else Spanish', () => {
    expect(languageOf(undefined)).toBe('es');
    expect(languageOf('fr-FR, en;q=0.5, ca;q=0.8')).toBe('ca');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('de, ca;q=0')).toBe('es');
  });
});
