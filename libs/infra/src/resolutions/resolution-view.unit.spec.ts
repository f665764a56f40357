import { icamFacts, inssFacts } from './resolution-facts.testing';
import type { ResolutionOutcome } from './resolution-renderer';
import { MissingCatalanText, resolutionHtml, resolutionLanguage, resolutionView } from './resolution-view';

const OUTCOMES: readonly ResolutionOutcome[] = ['granted', 'partially-granted', 'denied'];

describe('the resolution letter', () => {
  it('is a standards-mode HTML document, so Chromium lays it out as designed', () => {
    expect(resolutionHtml(inssFacts)).toMatch(/^<!doctype html>\n<html lang='es'>/);
  });

  describe('language', () => {
    it('is Spanish for an INSS provincial division', () => {
      expect(resolutionLanguage(inssFacts.unit)).toBe('es');
      expect(resolutionView(inssFacts).letters.map((letter) => letter.lang)).toEqual(['es']);
    });

    it('is Catalan followed by its Spanish version for ICAM', () => {
      expect(resolutionLanguage(icamFacts.unit)).toBe('ca+es');
      const view = resolutionView(icamFacts);
      expect(view.lang).toBe('ca');
      expect(view.letters.map((letter) => [letter.lang, letter.translation])).toEqual([
        ['ca', false],
        ['es', true],
      ]);
      const html = resolutionHtml(icamFacts);
      expect(html.indexOf('RESOLUCIÓ</h1>')).toBeLessThan(html.indexOf('RESOLUCIÓN</h1>'));
      expect(html).toContain('Versión en castellano');
    });

    it('refuses an ICAM letter whose grounds have no Catalan text', () => {
      const { ca: _ca, ...spanishOnly } = icamFacts.grounds;
      expect(() => resolutionHtml({ ...icamFacts, grounds: spanishOnly })).toThrow(MissingCatalanText);
    });
  });

  describe.each(OUTCOMES)('a %s resolution', (outcome) => {
    const expected = {
      granted: { es: ['Resolución estimatoria', 'ESTIMAR'], ca: ['Resolució estimatòria', 'ESTIMAR'] },
      'partially-granted': {
        es: ['Resolución estimatoria parcial', 'ESTIMAR PARCIALMENTE'],
        ca: ['Resolució estimatòria parcial', 'ESTIMAR PARCIALMENT'],
      },
      denied: {
        es: ['Resolución desestimatoria', 'DESESTIMAR'],
        ca: ['Resolució desestimatòria', 'DESESTIMAR'],
      },
    }[outcome];

    it('states its outcome in Spanish', () => {
      const html = resolutionHtml({ ...inssFacts, outcome });
      expect(html).toContain(`<div class='outcome'>${expected.es[0]}</div>`);
      expect(html).toContain(`<strong>${expected.es[1]}</strong> la solicitud presentada por`);
    });

    it('states its outcome in Catalan and in Spanish for ICAM', () => {
      const html = resolutionHtml({ ...icamFacts, outcome });
      expect(html).toContain(`<div class='outcome'>${expected.ca[0]}</div>`);
      expect(html).toContain(`<strong>${expected.ca[1]}</strong> la sol·licitud presentada per`);
      expect(html).toContain(`<div class='outcome'>${expected.es[0]}</div>`);
    });
  });

  it('prints the resolution date on the Madrid clock, in each language', () => {
    // 23:30 UTC on 23 November is already the 24th in Madrid.
    expect(resolutionHtml(inssFacts)).toContain('24 de noviembre de 2026');
    const html = resolutionHtml(icamFacts);
    expect(html).toContain('24 de novembre del 2026');
    expect(html).toContain('<td>02/11/2026</td>');
  });

  it('names the issuing unit, the addressee and the references', () => {
    const html = resolutionHtml(inssFacts);
    for (const text of [
      'Instituto Nacional de la Seguridad Social',
      'Dirección Provincial del INSS de Madrid',
      'María José García Fernández',
      '12345678Z',
      '28009 Madrid',
      'EXP-2026-000123',
      '2026/000123',
    ]) {
      expect(html).toContain(text);
    }
  });

  it('explains how to appeal and that the letter carries the electronic seal, with its CSV and URL', () => {
    const html = resolutionHtml(inssFacts);
    expect(html).toContain('reclamación previa');
    expect(html).toContain('treinta días');
    expect(html).toContain('sello electrónico');
    expect(html).toContain('ABCD-EFGH-JKLM-NPQR');
    expect(html).toContain('https://sede.expediente.example/verificar/ABCDEFGHJKLMNPQR');
    expect(resolutionHtml(icamFacts)).toContain('segell electrònic');
  });

  it('escapes free text, so neither a name nor the grounds can inject HTML', () => {
    const html = resolutionHtml({
      ...inssFacts,
      addressee: { ...inssFacts.addressee, name: '<img src=x onerror=alert(1)>' },
      grounds: { es: ['</p><script>alert(1)</script>'] },
    });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('writes the page footer as a CSS string no value can break out of', () => {
    const html = resolutionHtml({ ...inssFacts, caseId: '"}</style><b>x' });
    const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    expect(style).not.toContain('<b>');
    expect(style.match(/@bottom-left \{ content: "([^"]*)";/)?.[1]).toContain('\\22 ');
  });
});
