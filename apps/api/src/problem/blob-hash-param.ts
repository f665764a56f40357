import { PipeTransform } from '@nestjs/common';
import { ApiProblem } from './api-problem';

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/** A path hash that is not sha-256 hex names no document; refused before it reaches SQL or the domain. */
export const blobHashParam = (name: string): PipeTransform<string, string> => ({
  transform(value: string): string {
    if (!SHA256_HEX.test(value))
      throw new ApiProblem(
        400,
        'INVALID_ID',
        'Invalid id',
        `${name} must be the blobHash an upload returned.`,
        {
          parameter: name,
        },
      );
    return value.toLowerCase();
  },
});
