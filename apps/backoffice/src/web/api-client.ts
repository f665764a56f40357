import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '@expediente/infra/api-client/expediente-api';
import type { TypedConfig } from '@expediente/infra/infra.module';
import { REQUEST_ID_HEADER } from '@expediente/infra/logging/correlation';
import type { WebContext } from './web-context';

export type ExpedienteApi = Client<paths>;

/**
 * The pages are a client of the API like any other: the same routes, rules and refusals, through
 * the client generated from its OpenAPI document. Each call carries the person's token, their
 * language (so refusals come back in it) and the page's request id (so logs tie the two).
 */
@Injectable()
export class WebApi {
  readonly baseUrl: string;

  constructor(@Inject(ConfigService) config: TypedConfig) {
    this.baseUrl =
      config.get('API_INTERNAL_URL', { infer: true }) ??
      `http://127.0.0.1:${config.get('API_PORT', { infer: true })}`;
  }

  for(web: WebContext): ExpedienteApi {
    return createClient<paths>({
      baseUrl: this.baseUrl,
      headers: {
        'accept-language': web.lang,
        [REQUEST_ID_HEADER]: web.requestId,
        ...(web.session && { authorization: `Bearer ${web.session.token}` }),
      },
    });
  }
}

/** What the API says when it refuses: problem+json with a code and a human detail. */
export interface ApiProblem {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors?: readonly { readonly field?: string; readonly path?: string; readonly message?: string }[];
}

export function asProblem(error: unknown, status: number): ApiProblem {
  if (typeof error === 'object' && error !== null) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : 'ERROR';
    const detail = 'detail' in error && typeof error.detail === 'string' ? error.detail : '';
    const errors = 'errors' in error && Array.isArray(error.errors) ? error.errors : undefined;
    return { status, code, detail, errors };
  }
  return { status, code: 'ERROR', detail: '' };
}
