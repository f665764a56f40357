import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { MedicalUnit } from '@expediente/domain';
import { formatCsv } from '../receipts/csv';
import { cssString, FONT_STACKS } from '../pdf/print-css';
import type {
  Localised,
  ResolutionFacts,
  ResolutionOutcome,
  ResolutionProcedure,
} from './resolution-renderer';

/** `ca+es`: the Catalan letter followed by its Spanish version, in one sealed PDF. */
export type ResolutionLanguage = 'es' | 'ca+es';
type LetterLanguage = 'es' | 'ca';

export const RESOLUTION_SIGNATURE_FILE = 'resolution.pdf.p7s';

/**
 * ICAM is a Generalitat body, whose own language is Catalan; but a party may have chosen to
 * deal with it in Spanish (Law 39/2015 art. 15; Catalan Law 1/1998 art. 10), and the case
 * does not record that choice yet. A bilingual letter is valid for both, so ICAM writes
 * Catalan first with the Spanish version after it. INSS divisions write Spanish.
 */
export const resolutionLanguage = (unit: MedicalUnit): ResolutionLanguage =>
  unit.kind === 'ICAM' ? 'ca+es' : 'es';

export class MissingCatalanText extends Error {
  override readonly name = 'MissingCatalanText';
  readonly code = 'RESOLUTION_CATALAN_TEXT_MISSING';
  constructor(readonly field: string) {
    super(`An ICAM resolution is issued in Catalan and Spanish: "${field}" has no Catalan text.`);
  }
}

export const OUTCOME_HEADINGS: Readonly<Record<LetterLanguage, Readonly<Record<ResolutionOutcome, string>>>> =
  {
    es: {
      granted: 'Resolución estimatoria',
      'partially-granted': 'Resolución estimatoria parcial',
      denied: 'Resolución desestimatoria',
    },
    ca: {
      granted: 'Resolució estimatòria',
      'partially-granted': 'Resolució estimatòria parcial',
      denied: 'Resolució desestimatòria',
    },
  };

const PROCEDURE_LABELS: Readonly<Record<ResolutionProcedure, Readonly<Record<LetterLanguage, string>>>> = {
  'medical-report-submission': {
    es: 'Aportación de informes médicos actualizados para una prestación en evaluación',
    ca: "Aportació d'informes mèdics actualitzats per a una prestació en avaluació",
  },
  'entitlement-application': {
    es: 'Reconocimiento del derecho a la asistencia sanitaria',
    ca: "Reconeixement del dret a l'assistència sanitària",
  },
};

const ISSUING_BODY: Readonly<Record<MedicalUnit['kind'], string>> = {
  INSS: 'Instituto Nacional de la Seguridad Social',
  ICAM: 'Generalitat de Catalunya',
};

/**
 * The letter's HTML. Wording per language lives in the templates, values are formatted here;
 * Handlebars escapes every value (grounds and names are free text).
 */
export function resolutionHtml(facts: ResolutionFacts): string {
  // Prettier's Handlebars printer drops a doctype from the template; without one Chromium lays out in quirks mode.
  return `<!doctype html>\n${template()(resolutionView(facts))}`;
}

export function resolutionView(facts: ResolutionFacts) {
  const language = resolutionLanguage(facts.unit);
  const letters: LetterLanguage[] = language === 'es' ? ['es'] : ['ca', 'es'];
  const csv = facts.draft ? DRAFT_MARK[letters[0]!] : formatCsv(facts.csv);
  return {
    language,
    lang: letters[0]!,
    fonts: FONT_STACKS,
    title: `${letters[0] === 'ca' ? 'Resolució' : 'Resolución'} ${facts.caseId}`,
    footerCss: cssString(`${facts.caseId} · CSV ${csv}`),
    pageLabelCss: cssString(language === 'es' ? 'Página ' : 'Pàgina / Página '),
    letters: letters.map((lang, index) => ({
      lang,
      partial: `resolution.${lang}`,
      translation: index > 0,
      outcome: facts.outcome,
      heading: OUTCOME_HEADINGS[lang][facts.outcome],
      issuer: { body: ISSUING_BODY[facts.unit.kind], unit: facts.unit.name },
      addressee: {
        name: facts.addressee.name ?? null,
        // How the letter's sentences refer to the party: by name, or by identity number when none is known.
        party: facts.addressee.name ?? facts.addressee.idNumber,
        idNumber: facts.addressee.idNumber,
        postalAddress: facts.addressee.postalAddress ?? [],
      },
      caseId: facts.caseId,
      registryEntry: facts.registryEntry.number,
      registeredOn: madridDate(facts.registryEntry.registeredAt, lang, 'short'),
      resolvedOn: madridDate(facts.resolvedAt, lang, 'long'),
      matter: PROCEDURE_LABELS[facts.procedure][lang],
      grounds: text(facts.grounds, lang, 'grounds'),
      legalBasis: text(facts.legalBasis, lang, 'legalBasis'),
      terms: text(facts.terms, lang, 'terms'),
      csv: facts.draft ? DRAFT_MARK[lang] : csv,
      verifyUrl: facts.verifyUrl,
      draft: facts.draft ? DRAFT_NOTICE[lang] : false,
      signatureFile: RESOLUTION_SIGNATURE_FILE,
    })),
  };
}

const DRAFT_MARK: Readonly<Record<LetterLanguage, string>> = { es: 'BORRADOR', ca: 'ESBORRANY' };
const DRAFT_NOTICE: Readonly<Record<LetterLanguage, string>> = {
  es: 'BORRADOR SIN VALIDEZ: vista previa de la resolución antes de dictarla; no se ha emitido ni notificado.',
  ca: 'ESBORRANY SENSE VALIDESA: visualització prèvia de la resolució abans de dictar-la; no s’ha emès ni notificat.',
};

function text(value: Localised<readonly string[]>, lang: LetterLanguage, field: string): readonly string[] {
  if (lang === 'es') return value.es;
  if (value.ca === undefined && value.es.length > 0) throw new MissingCatalanText(field);
  return value.ca ?? [];
}

/** The date on the Madrid clock, the register's official one: `23/11/2026`, or `23 de novembre del 2026`. */
function madridDate(instant: string, lang: LetterLanguage, style: 'short' | 'long'): string {
  const locale = lang === 'ca' ? 'ca-ES' : 'es-ES';
  const options: Intl.DateTimeFormatOptions =
    style === 'short' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { dateStyle: 'long' };
  return new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Madrid', ...options }).format(new Date(instant));
}

// Its own Handlebars environment, compiled on first use and kept: the build copies only `templates` folders.
let compiled: HandlebarsTemplateDelegate | undefined;
function template(): HandlebarsTemplateDelegate {
  if (compiled) return compiled;
  const read = (name: string) => readFileSync(join(__dirname, 'templates', name), 'utf8');
  const handlebars = Handlebars.create();
  for (const lang of ['es', 'ca'] as const) {
    handlebars.registerPartial(
      `resolution.${lang}`,
      handlebars.compile(read(`resolution.${lang}.hbs`), { strict: true }),
    );
  }
  compiled = handlebars.compile(read('resolution.hbs'), { strict: true });
  return compiled;
}
