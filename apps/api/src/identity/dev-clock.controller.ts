import { Body, Controller, Get, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AdjustableClock, CLOCK } from '@expediente/infra/clock/clock';
import { parseBody } from '../problem/parse-body';
import { DevelopmentOnlyGuard } from './development-only.guard';
import { ZodBody } from '../problem/zod-body.decorator';

const advanceRequest = z.object({
  days: z.number().min(0).max(3650).default(0),
  hours: z
    .number()
    .min(0)
    .max(24 * 3650)
    .default(0),
});

/** See what ten days later looks like (deemed rejections, deadlines) without waiting. Not in production. */
@ApiTags('development')
@Controller('dev/clock')
@UseGuards(DevelopmentOnlyGuard)
export class DevClockController {
  constructor(@Inject(CLOCK) private readonly clock: AdjustableClock) {}

  @Get()
  now() {
    return { now: this.clock.now().toISOString(), offsetMs: this.clock.offset };
  }

  @Post('advance')
  @HttpCode(200)
  @ZodBody(advanceRequest)
  advance(@Body() body: unknown) {
    const { days, hours } = parseBody(advanceRequest, body);
    this.clock.advance((days * 24 + hours) * 3600_000);
    return this.now();
  }
}
