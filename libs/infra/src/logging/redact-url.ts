/** What a redacted value reads as in the logs. */
export const REDACTED = '[redacted]';

/**
 * A route's literal segments ('filings', 'signing-code', 'document.pdf') are lower-case words;
 * anything else in a path is a value — a case id, a CSV, a unit, a hash, someone's DNI.
 */
const ROUTE_WORD = /^[a-z][a-z.-]*$/;

/**
 * A URL fit for a log line: its shape stays (route words and query keys), every value that
 * could identify a person or a case becomes [redacted]. Query values are always values, so
 * all of them go, whatever they look like.
 */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = queryStart === -1 ? undefined : url.slice(queryStart + 1);
  const redactedPath = path
    .split('/')
    .map((segment) => (segment === '' || ROUTE_WORD.test(segment) ? segment : REDACTED))
    .join('/');
  if (query === undefined) return redactedPath;
  const redactedQuery = query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const key = pair.split('=', 1)[0]!;
      return `${/^[A-Za-z][\w.-]*$/.test(key) ? key : REDACTED}=${REDACTED}`;
    })
    .join('&');
  return `${redactedPath}?${redactedQuery}`;
}
