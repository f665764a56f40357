import { Catch } from '@nestjs/common';
import { WrongExpectedVersion } from '@expediente/infra/event-store/event-store.port';
import { isDomainError, DomainErrorKind } from '@expediente/domain';
import { IdempotencyKeyReused } from '@expediente/infra/register/electronic-register';
import { problem, ProblemDetails } from '@expediente/infra/http/problem-details';
import { HttpProblemFilter } from '@expediente/infra/http/http-problem.filter';

const STATUS_OF: Record<DomainErrorKind, number> = {
  validation: 422,
  'illegal-state': 409,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
};
const TITLE_OF: Record<DomainErrorKind, string> = {
  validation: 'The request breaks a rule of the procedure',
  'illegal-state': 'Not possible in the current state of the case',
  forbidden: 'Not allowed',
  'not-found': 'Not found',
  conflict: 'Conflict',
};

/** The one place errors become HTTP: every refusal is application/problem+json with a stable code. */
@Catch()
export class ProblemDetailsFilter extends HttpProblemFilter {
  protected override toProblem(error: unknown): ProblemDetails {
    if (isDomainError(error)) {
      return problem(STATUS_OF[error.kind], error.code, TITLE_OF[error.kind], error.message, {
        facts: error.facts,
      });
    }
    if (error instanceof IdempotencyKeyReused) {
      return problem(409, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key already used', error.message);
    }
    if (hasProblemShape(error)) {
      return problem(error.status, error.code, 'Request refused', error.message, {
        facts: error.facts ?? {},
      });
    }
    if (error instanceof WrongExpectedVersion) {
      return problem(
        409,
        'CONCURRENT_MODIFICATION',
        'Modified by someone else',
        'The case changed while you were working on it; reload it and try again.',
        {
          expectedVersion: error.expected,
          actualVersion: error.actual ?? null,
        },
      );
    }
    return super.toProblem(error);
  }
}

/** Adapter errors that carry their own HTTP status and code (e.g. a refused upload). */
interface ProblemShaped {
  status: number;
  code: string;
  message: string;
  facts?: Record<string, unknown>;
}

function hasProblemShape(error: unknown): error is ProblemShaped {
  if (!(error instanceof Error)) return false;
  const e = error as Error & Partial<ProblemShaped>;
  return typeof e.status === 'number' && e.status >= 400 && typeof e.code === 'string';
}
