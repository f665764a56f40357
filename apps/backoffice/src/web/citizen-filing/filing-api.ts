import type { Readable } from 'node:stream';
import { REQUEST_ID_HEADER } from '@expediente/infra/logging/correlation';
import type { ExpedienteApi, WebApi } from '../api-client';
import type { WebContext } from '../web-context';

/** The two filings' URL slugs, as the API names them. */
export const SLUGS = ['medical-reports', 'entitlement-applications'] as const;
export type Slug = (typeof SLUGS)[number];
export const isSlug = (value: unknown): value is Slug => SLUGS.some((slug) => slug === value);

/** What the API said when it refused: its code, its detail (in the page's language) and its facts. */
export interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly facts: Readonly<Record<string, unknown>>;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: Refusal };

export interface Attachment {
  /** The OpenAPI document does not type it: read it with String(). */
  readonly blobHash: unknown;
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
  readonly kind: string;
}

export interface Beneficiary {
  readonly identityNumber?: string;
  readonly name: string;
  readonly birthDate: string;
}

/** A filing as its filer reads it, whichever the procedure (the fields of the other one absent). */
export interface Draft {
  readonly slug: Slug;
  readonly status: 'draft' | 'submitted' | 'withdrawn';
  readonly caseId: string;
  readonly filer: string;
  readonly subject: string;
  readonly provinceCode: string;
  readonly attachments: readonly Attachment[];
  readonly version: number;
  readonly benefitRequestRef?: string;
  readonly beneficiaries?: readonly Beneficiary[];
  readonly remarks?: string;
  readonly paperOptOut?: boolean;
  readonly filing?: { readonly registryEntry: { readonly number: string; readonly registeredAt: string } };
  readonly unit?: { readonly id: string; readonly name: string; readonly kind: string };
  readonly submittedAt?: string;
}

export interface DraftChanges {
  readonly benefitRequestRef?: string;
  readonly provinceCode?: string;
  readonly beneficiaries?: readonly Beneficiary[];
  readonly remarks?: string;
  readonly paperOptOut?: boolean;
}

type Answer<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

function refusalOf(error: unknown, status: number): Refusal {
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const facts = typeof record.facts === 'object' && record.facts !== null ? record.facts : {};
  // A malformed request lists its fields beside the detail; a domain refusal carries its facts.
  return {
    status,
    code: typeof record.code === 'string' ? record.code : 'ERROR',
    detail: typeof record.detail === 'string' ? record.detail : '',
    facts: { ...facts, ...(Array.isArray(record.fields) && { fields: record.fields }) },
  };
}

const UNREACHABLE: Refusal = { status: 503, code: 'API_UNREACHABLE', detail: '', facts: {} };

async function settle<T>(answer: Answer<T>): Promise<Result<T>> {
  try {
    const { data, error, response } = await answer;
    if (response.ok && data !== undefined) return { ok: true, value: data };
    return { ok: false, refusal: refusalOf(error, response.status) };
  } catch {
    return { ok: false, refusal: UNREACHABLE };
  }
}

const ifMatch = (version: number | undefined) =>
  version === undefined ? {} : { 'If-Match': `"${version}"` };

/**
 * The filing operations of the API for one page request, one method per step whichever the
 * procedure (each calls that procedure's operation of the typed client), refusals as values.
 */
export class FilingApi {
  private readonly api: ExpedienteApi;

  constructor(
    private readonly web: WebContext,
    private readonly webApi: WebApi,
  ) {
    this.api = webApi.for(web);
  }

  async view(slug: Slug, caseId: string): Promise<Result<Draft>> {
    const path = { caseId };
    if (slug === 'medical-reports') {
      const got = await settle(this.api.GET('/filings/medical-reports/{caseId}', { params: { path } }));
      return got.ok ? { ok: true, value: { ...got.value, slug } } : got;
    }
    const got = await settle(
      this.api.GET('/filings/entitlement-applications/{caseId}', { params: { path } }),
    );
    return got.ok ? { ok: true, value: { ...got.value, slug } } : got;
  }

  createReports(body: { subject: string; benefitRequestRef: string; provinceCode: string }) {
    return settle(this.api.POST('/filings/medical-reports', { body }));
  }

  createEntitlement(body: { subject: string; provinceCode: string }) {
    return settle(
      this.api.POST('/filings/entitlement-applications', {
        body: { ...body, beneficiaries: [], paperOptOut: false },
      }),
    );
  }

  update(slug: Slug, caseId: string, version: number | undefined, changes: DraftChanges) {
    const params = { path: { caseId }, header: ifMatch(version) };
    if (slug === 'medical-reports') {
      const { benefitRequestRef, provinceCode } = changes;
      return settle(
        this.api.PATCH('/filings/medical-reports/{caseId}', {
          params,
          body: { benefitRequestRef, provinceCode },
        }),
      );
    }
    const { benefitRequestRef: _notThisOne, beneficiaries, ...rest } = changes;
    return settle(
      this.api.PATCH('/filings/entitlement-applications/{caseId}', {
        params,
        body: { ...rest, ...(beneficiaries && { beneficiaries: [...beneficiaries] }) },
      }),
    );
  }

  remove(slug: Slug, caseId: string, blobHash: string) {
    const params = { path: { caseId, blobHash } };
    return slug === 'medical-reports'
      ? settle(this.api.DELETE('/filings/medical-reports/{caseId}/attachments/{blobHash}', { params }))
      : settle(
          this.api.DELETE('/filings/entitlement-applications/{caseId}/attachments/{blobHash}', { params }),
        );
  }

  requestSigningCode(slug: Slug, caseId: string) {
    const params = { path: { caseId } };
    return slug === 'medical-reports'
      ? settle(this.api.POST('/filings/medical-reports/{caseId}/signing-code', { params }))
      : settle(this.api.POST('/filings/entitlement-applications/{caseId}/signing-code', { params }));
  }

  submit(slug: Slug, caseId: string, idempotencyKey: string, signingCode: string | undefined) {
    const params = { path: { caseId }, header: { 'Idempotency-Key': idempotencyKey } };
    const body = signingCode === undefined ? {} : { signingCode };
    return slug === 'medical-reports'
      ? settle(this.api.POST('/filings/medical-reports/{caseId}/submission', { params, body }))
      : settle(this.api.POST('/filings/entitlement-applications/{caseId}/submission', { params, body }));
  }

  withdraw(slug: Slug, caseId: string, reason: string | undefined) {
    const params = { path: { caseId } };
    const body = reason === undefined ? {} : { reason };
    return slug === 'medical-reports'
      ? settle(this.api.POST('/filings/medical-reports/{caseId}/withdrawal', { params, body }))
      : settle(this.api.POST('/filings/entitlement-applications/{caseId}/withdrawal', { params, body }));
  }

  caseStatus(caseId: string) {
    return settle(
      this.api.GET('/cases/{caseId}', { params: { path: { caseId }, query: { lang: this.web.lang } } }),
    );
  }

  myCases() {
    return settle(this.api.GET('/me/cases', { params: { query: { limit: 100, lang: this.web.lang } } }));
  }

  /** The proof of receipt's zip as the API streams it, or its refusal (409 RECEIPT_PENDING while rendering). */
  async receipt(caseId: string): Promise<Result<Response>> {
    return this.raw(`/cases/${encodeURIComponent(caseId)}/receipt`, { method: 'GET' });
  }

  /** An upload's multipart body, streamed on to the API as it arrives (never held whole here). */
  upload(slug: Slug, caseId: string, body: Readable, contentType: string): Promise<Result<Response>> {
    return this.raw(`/filings/${slug}/${encodeURIComponent(caseId)}/attachments`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
      duplex: 'half',
    });
  }

  private async raw(
    path: string,
    init: { method: string; headers?: Record<string, string>; body?: Readable; duplex?: 'half' },
  ): Promise<Result<Response>> {
    try {
      const response = await fetch(`${this.webApi.baseUrl}${path}`, {
        ...init,
        headers: {
          ...init.headers,
          'accept-language': this.web.lang,
          [REQUEST_ID_HEADER]: this.web.requestId,
          ...(this.web.session && { authorization: `Bearer ${this.web.session.token}` }),
        },
      } as RequestInit);
      if (response.ok) return { ok: true, value: response };
      const error: unknown = await response.json().catch(() => undefined);
      return { ok: false, refusal: refusalOf(error, response.status) };
    } catch {
      return { ok: false, refusal: UNREACHABLE };
    }
  }
}
