import { ParseUUIDPipe } from '@nestjs/common';
import { ApiProblem } from './api-problem';

/** A path id that is not a UUID gets its own stable code instead of Nest's generic 400. */
export const uuidParam = (name: string): ParseUUIDPipe =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new ApiProblem(400, 'INVALID_ID', 'Invalid id', `${name} must be a UUID.`, { parameter: name }),
  });
