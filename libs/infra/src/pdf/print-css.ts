/**
 * A value placed in a CSS string (page-margin boxes: running footers) where HTML escaping
 * means nothing: every character outside a small safe set becomes a CSS escape, so no value
 * can close the string or the <style> element.
 */
export const cssString = (value: string): string =>
  `"${value.replace(/[^A-Za-z0-9 .,:()+-]/gu, (char) => `\\${char.codePointAt(0)!.toString(16)} `)}"`;

/**
 * The font families every printed document lists. Liberation and DejaVu cover Latin, Greek and
 * Cyrillic; names in other scripts (東京, محمد, 김) need Noto's (Debian fonts-noto-core and
 * fonts-noto-cjk): without a font covering a character, Chromium prints an empty box and the
 * PDF holds no text for it. Trusted constants, placed raw into the templates' <style>.
 */
export const FONT_STACKS = {
  sans: '"Liberation Sans", "DejaVu Sans", "Noto Sans", "Noto Sans CJK JP", Arial, sans-serif',
  serif:
    '"Liberation Serif", "DejaVu Serif", "Noto Serif", "Noto Serif CJK JP", "Noto Sans CJK JP", "Times New Roman", serif',
  mono: '"DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono CJK JP", monospace',
} as const;
