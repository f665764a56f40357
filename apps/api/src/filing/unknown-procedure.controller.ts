import { All, Controller, NotFoundException, Param, Req, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthGuard } from '../identity/auth.guard';
import { ApiProblem } from '../problem/api-problem';
import { FILING_SLUGS } from './procedures';

/**
 * Each procedure has its own routes; any other slug under /filings names no procedure and says
 * so, with the ones there are. Registered after the procedures' controllers, so it sees only
 * what none of them matched.
 */
@ApiExcludeController()
@UseGuards(AuthGuard)
@Controller('filings/:procedure')
export class UnknownProcedureController {
  @All(['', '*rest'])
  refuse(@Param('procedure') slug: string, @Req() req: Request): never {
    // Own entries only: "constructor" or "__proto__" in the path must not find Object's.
    if (FILING_SLUGS.some((known) => known === slug)) {
      throw new NotFoundException(`Cannot ${req.method} ${req.path}`);
    }
    throw new ApiProblem(404, 'UNKNOWN_PROCEDURE', 'Unknown procedure', `There is no procedure "${slug}".`, {
      procedures: [...FILING_SLUGS],
    });
  }
}
