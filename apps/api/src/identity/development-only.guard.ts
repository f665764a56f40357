import { CanActivate, ExecutionContext, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import type { TypedConfig } from '@expediente/infra/infra.module';

/**
 * Dev endpoints mint tokens for anyone and show SMS codes: in production they must not exist,
 * so they answer exactly as an unknown route does rather than 403 (which would reveal them).
 */
@Injectable()
export class DevelopmentOnlyGuard implements CanActivate {
  constructor(@Inject(ConfigService) private readonly config: TypedConfig) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.config.get('NODE_ENV', { infer: true }) !== 'production') return true;
    const request = context.switchToHttp().getRequest<Request>();
    throw new NotFoundException(`Cannot ${request.method} ${request.path}`);
  }
}
