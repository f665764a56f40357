import { HttpException } from '@nestjs/common';
import { problem } from '@expediente/infra/http/problem-details';

/** A refusal decided by the API itself (malformed request, missing header), not by the domain. */
export class ApiProblem extends HttpException {
  constructor(
    status: number,
    code: string,
    title: string,
    detail: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(problem(status, code, title, detail, extensions), status);
  }
}
