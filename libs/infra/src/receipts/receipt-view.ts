import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { AttachmentContentType, AttachmentKind } from '@expediente/domain';
import { formatCsv } from './csv';
import type { ReceiptStatement } from '@expediente/domain';
import { cssString, FONT_STACKS } from '../pdf/print-css';

/**
 * The receipt's HTML. All wording and formatting is decided here so the template stays a
 * plain layout; Handlebars escapes every value, and file names come from citizens.
 */
export function receiptHtml(facts: ReceiptStatement): string {
  // Prettier's Handlebars printer drops a doctype from the template; without one Chromium lays out in quirks mode.
  return `<!doctype html>\n${template()(viewOf(facts))}`;
}

// Its own Handlebars environment, compiled on first use and kept: the build copies only `templates` folders.
let compiled: HandlebarsTemplateDelegate | undefined;
const template = (): HandlebarsTemplateDelegate =>
  (compiled ??= Handlebars.create().compile(
    readFileSync(join(__dirname, 'templates', 'receipt.hbs'), 'utf8'),
    {
      strict: true,
    },
  ));

const KIND_LABELS: Readonly<Record<AttachmentKind, { es: string; en: string }>> = {
  'medical-report': { es: 'Informe médico', en: 'Medical report' },
  'application-form': { es: 'Formulario de solicitud', en: 'Application form' },
  'supporting-document': { es: 'Documento justificativo', en: 'Supporting document' },
  representation: { es: 'Acreditación de la representación', en: 'Proof of representation' },
  other: { es: 'Otro documento', en: 'Other document' },
};

const TYPE_LABELS: Readonly<Record<AttachmentContentType, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/tiff': 'TIFF',
};

function viewOf(facts: ReceiptStatement) {
  const registeredAt = new Date(facts.registryEntry.registeredAt);
  return {
    entryNumber: facts.registryEntry.number,
    registeredAt: madridTime(registeredAt),
    registeredAtUtc: registeredAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    filer: { name: facts.filer.name ?? null, idNumber: facts.filer.idNumber },
    subject: { name: facts.subject.name ?? null, idNumber: facts.subject.idNumber },
    inOwnName: facts.filer.idNumber === facts.subject.idNumber,
    procedure: facts.procedure,
    addresseeUnit: facts.addresseeUnit,
    province: `${facts.province.name} (${facts.province.code})`,
    benefitRequestRef: facts.benefitRequestRef ?? null,
    beneficiaries:
      facts.beneficiaries?.map((beneficiary, index) => ({
        number: index + 1,
        name: beneficiary.name,
        idNumber: beneficiary.idNumber ?? null,
        birthDate: spanishDate(beneficiary.birthDate),
      })) ?? null,
    fonts: FONT_STACKS,
    documents: facts.documents.map((document, index) => ({
      number: index + 1,
      filename: document.filename,
      kind: KIND_LABELS[document.kind],
      type: TYPE_LABELS[document.contentType],
      size: humanSize(document.size),
      bytes: `${spaced(document.size)} bytes`,
      // Two lines of 32 rather than wherever the column happens to break.
      sha256Lines: [document.sha256.slice(0, 32), document.sha256.slice(32)],
    })),
    documentCount: facts.documents.length,
    totalSize: humanSize(facts.documents.reduce((total, document) => total + document.size, 0)),
    csv: formatCsv(facts.csv),
    verifyUrl: facts.verifyUrl,
    footerCss: cssString(
      `Registro ${facts.registryEntry.number} · ${madridTime(registeredAt)} · CSV ${formatCsv(facts.csv)}`,
    ),
  };
}

/** Peninsular Spanish time, the register's official clock (Law 39/2015, art. 31), with its offset spelt out. */
function madridTime(instant: Date): string {
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('es-ES', { timeZone: 'Europe/Madrid', ...options }).format(instant);
  const date = part({ day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = part({ hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const zone = part({ timeZoneName: 'short' }).split(' ').pop();
  const offset = part({ timeZoneName: 'longOffset' }).split(' ').pop()?.replace('GMT', 'UTC');
  return `${date} ${time} ${zone} (${offset})`;
}

function humanSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat('es-ES', { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** A calendar day as Spanish forms write it: 2026-03-09 → 09/03/2026. */
const spanishDate = (isoDate: string): string => isoDate.split('-').reverse().join('/');

/** Thin spaces between thousands (the SI / RAE style), so a byte count reads the same in both languages. */
const spaced = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
