/** RFC 9457 problem details, as every refusal of the API is written. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  /** Stable and machine-readable: clients branch on it, never on the wording. */
  readonly code: string;
  readonly detail: string;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(
  status: number,
  code: string,
  title: string,
  detail: string,
  extensions = {},
): ProblemDetails {
  return {
    type: `https://expediente.example/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status,
    code,
    detail,
    ...extensions,
  };
}
