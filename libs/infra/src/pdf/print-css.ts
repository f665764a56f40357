/**
 * A value placed in a CSS string (page-margin boxes: running footers) where HTML escaping
 * means nothing: every character outside a small safe set becomes a CSS escape, so no value
 * can close the string or the <style> element.
 */
export const cssString = (value: string): string =>
  `"${value.replace(/[^A-Za-z0-9 .,:()+-]/gu, (char) => `\\${char.codePointAt(0)!.toString(16)} `)}"`;
