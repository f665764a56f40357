/**
 * A Content-Disposition header for a name a citizen chose (RFC 6266): the quoted `filename` is
 * a plain ASCII fallback with nothing that could end the quotes, split the header or name a
 * path, and `filename*` (RFC 8187, formerly 5987) carries the exact name, UTF-8 percent-encoded.
 */
const FALLBACK_NAME = 'documento';
const MAX_FALLBACK_LENGTH = 150;

/** What may stand inside the quotes: letters, digits and a few harmless marks. */
const UNSAFE_IN_FALLBACK = /[^A-Za-z0-9 ._()+-]/g;
/** Controls of every kind, which no header value may carry. */
const CONTROLS = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

export function asciiFilename(name: string): string {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // "cardiología" → "cardiologia"
    .replace(CONTROLS, '')
    .replace(UNSAFE_IN_FALLBACK, '_')
    .replace(/_+/g, '_')
    .replace(/\.{2,}/g, '.')
    .trim();
  const short = plain.length > MAX_FALLBACK_LENGTH ? plain.slice(plain.length - MAX_FALLBACK_LENGTH) : plain;
  return /[A-Za-z0-9]/.test(short) ? short.replace(/^[.\s]+/, '') : FALLBACK_NAME;
}

/** RFC 8187 ext-value: every byte outside attr-char percent-encoded. */
function extValue(name: string): string {
  const encoded = encodeURIComponent(name.replace(CONTROLS, '')).replace(
    /['()*!]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `UTF-8''${encoded || FALLBACK_NAME}`;
}

export function contentDisposition(disposition: 'inline' | 'attachment', name: string): string {
  return `${disposition}; filename="${asciiFilename(name)}"; filename*=${extValue(name)}`;
}
