/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading
 * =, +, -, @, tab or carriage return is defused with a quote so a spreadsheet never runs it
 * as a formula (OWASP CSV injection).
 */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (fields: readonly unknown[]): string => `${fields.map(csvField).join(',')}\r\n`;
