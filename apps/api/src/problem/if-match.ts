import { ApiProblem } from './api-problem';

/** If-Match carries the version the client edited ("3" or W/"3"). */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match)
    throw new ApiProblem(
      400,
      'INVALID_IF_MATCH',
      'Invalid If-Match',
      'If-Match must be the draft version, e.g. "3".',
    );
  return Number(match[1]);
}
