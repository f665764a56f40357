import { Injectable } from '@nestjs/common';
import { Logger } from 'nestjs-pino';

/** Nest's contexts that list every route at start: useful when debugging routing, noise otherwise. */
const ROUTE_MAPPING = new Set(['RoutesResolver', 'RouterExplorer']);

/** nestjs-pino's logger, with Nest's route-mapping lines at debug rather than info. */
@Injectable()
export class NestLogger extends Logger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    if (ROUTE_MAPPING.has(String(optionalParams.at(-1)))) this.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}
