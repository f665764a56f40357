import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { isSha256Hex, SHA256_HEX } from '@expediente/domain';
import { ApiProblem } from './api-problem';

/** A blobHash in a request body: what an upload returned, in either case, kept lowercase. */
export const blobHash = z
  .string()
  .regex(new RegExp(SHA256_HEX.source, 'i'), 'must be the blobHash an upload returned')
  .transform((hash) => hash.toLowerCase())
  .meta({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' });

/** A path hash that is not sha-256 hex names no document; refused before it reaches SQL or the domain. */
export const blobHashParam = (name: string): PipeTransform<string, string> => ({
  transform(value: string): string {
    const hash = value.toLowerCase();
    if (!isSha256Hex(hash))
      throw new ApiProblem(
        400,
        'INVALID_ID',
        'Invalid id',
        `${name} must be the blobHash an upload returned.`,
        {
          parameter: name,
        },
      );
    return hash;
  },
});
