import { NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { TypedConfig } from '@expediente/infra/infra.module';
import { DevelopmentOnlyGuard } from './development-only.guard';

const configFor = (NODE_ENV: string): TypedConfig => new ConfigService({ NODE_ENV });
const request = new ExecutionContextHost([{ method: 'POST', path: '/dev/login' }]);

describe('development-only endpoints', () => {
  it.each(['development', 'test'])('are open when NODE_ENV is %s', (env) => {
    expect(new DevelopmentOnlyGuard(configFor(env)).canActivate(request)).toBe(true);
  });

  it('answer 404 in production, exactly like an unknown route', () => {
    const guard = new DevelopmentOnlyGuard(configFor('production'));
    expect(() => guard.canActivate(request)).toThrow(new NotFoundException('Cannot POST /dev/login'));
  });
});
