import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Forbidden, medicalUnitFor, normaliseIdentityNumber, PROVINCES } from '@expediente/domain';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import { decodeQueueCursor, ReviewQueue } from '@expediente/infra/review-queue/review-queue';
import { QUEUE_STATUSES, QueueStatus } from '@expediente/infra/review-queue/review-queue.row';
import { line } from '@expediente/infra/validation/text';
import { Roles } from '../identity/roles.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { ApiProblem } from '../problem/api-problem';
import { parseBody } from '../problem/parse-body';

const UNITS: ReadonlySet<string> = new Set(PROVINCES.map((province) => medicalUnitFor(province.code).id));

const casesQuery = z.object({
  status: z.enum(QUEUE_STATUSES as [QueueStatus, ...QueueStatus[]]).optional(),
  procedure: z.enum(['medical-report-submission', 'entitlement-application']).optional(),
  province: z
    .string()
    .regex(/^\d{2}$/, 'must be a two-digit INE province code, e.g. "28"')
    .optional(),
  /** A reviewer's DNI/NIE, or "me". */
  reviewer: line(32).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .refine(
      (cursor) => decodeQueueCursor(cursor) !== undefined,
      'must be the "next" value of a previous page',
    )
    .optional(),
});

/** A unit's dashboard and case list, for its own reviewers and supervisors. */
@ApiTags('dashboard')
@Roles('supervisor', 'reviewer')
@Controller('units/:unit')
export class DashboardController {
  constructor(
    private readonly queue: ReviewQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('dashboard')
  dashboard(@Param('unit') unit: string, @CurrentPrincipal() principal: Principal) {
    return this.queue.dashboard(ownUnit(principal, unit), principal.subject, this.clock.now());
  }

  @Get('cases')
  cases(@Param('unit') unit: string, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { status, procedure, province, reviewer, overdue, limit, cursor } = parseBody(casesQuery, query);
    return this.queue.cases(
      ownUnit(principal, unit),
      {
        status,
        procedure,
        provinceCode: province,
        reviewerId: reviewer === 'me' ? principal.subject : reviewer && normaliseIdentityNumber(reviewer),
        overdue: overdue === 'true',
      },
      { limit, cursor },
      this.clock.now(),
    );
  }
}

/** Units are public; their work is not: staff see only their own unit's. */
function ownUnit(principal: Principal, unit: string): string {
  if (!UNITS.has(unit)) {
    throw new ApiProblem(404, 'UNKNOWN_UNIT', 'Unknown unit', `There is no medical unit "${unit}".`, {
      unit,
    });
  }
  if (principal.unit !== unit) {
    throw new Forbidden('WRONG_UNIT', 'Staff see only the dashboard and cases of their own unit.', {
      unit,
      actorUnit: principal.unit ?? null,
    });
  }
  return unit;
}
