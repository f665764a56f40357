import { Body, Controller, Get, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdjustableClock, CLOCK } from '@expediente/infra/clock/clock';
import { parseBody } from '../problem/parse-body';
import { Operation } from '../openapi/operation.decorator';
import { DevelopmentOnlyGuard } from './development-only.guard';
import { advanceRequest, clockReading } from './dev-clock.schema';
import { ONLY_IN_DEVELOPMENT } from './dev-identity.schema';

/** See what ten days later looks like (deemed rejections, deadlines) without waiting. Not in production. */
@ApiTags('development')
@Controller('dev/clock')
@UseGuards(DevelopmentOnlyGuard)
export class DevClockController {
  constructor(@Inject(CLOCK) private readonly clock: AdjustableClock) {}

  @Get()
  @Operation({
    operationId: 'readDevelopmentClock',
    summary: 'Read the clock (development)',
    description:
      'The one clock the system runs on, and how far it was moved forward. Not in production, where it answers 404 as an unknown route.',
    public: true,
    response: clockReading,
    refusals: [ONLY_IN_DEVELOPMENT],
  })
  now() {
    return { now: this.clock.now().toISOString(), offsetMs: this.clock.offset };
  }

  @Post('advance')
  @Operation({
    operationId: 'advanceDevelopmentClock',
    summary: 'Move the clock forward (development)',
    description:
      'Moves the clock forward by days and hours (never back), so deemed rejections and deadlines fall due without waiting. Not in production, where it answers 404 as an unknown route.',
    public: true,
    request: advanceRequest,
    response: clockReading,
    refusals: [ONLY_IN_DEVELOPMENT],
  })
  advance(@Body() body: unknown) {
    const { days, hours } = parseBody(advanceRequest, body);
    this.clock.advance((days * 24 + hours) * 3600_000);
    return this.now();
  }
}
