import { z } from 'zod';
import { REQUEST_ID_HEADER } from '@expediente/infra/logging/correlation';
import { asProblem, type ApiProblem, type WebApi } from '../api-client';
import type { WebContext } from '../web-context';

/**
 * What the reviewer's pages ask the API, in one place, through the generated client; a document's
 * bytes are streamed on as the API serves them (GET /reviews/{id}/documents/{hash}, its read
 * recorded there).
 */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ApiProblem };

const reviewSchema = z.looseObject({
  caseId: z.string(),
  status: z.enum(['open', 'assigned', 'awaiting-citizen', 'evaluated', 'resolved', 'closed', 'withdrawn']),
  procedure: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  version: z.number(),
  provinceCode: z.string(),
  subject: z.string(),
  filer: z.string(),
  routedAt: z.string(),
  reviewerId: z.string().nullable().optional(),
  request: z.object({ requested: z.string(), dueOn: z.string(), requestedAt: z.string() }).optional(),
  findings: z.string().optional(),
  resolution: z
    .object({ outcome: z.string(), grounds: z.string(), legalBasis: z.string(), resolvedAt: z.string() })
    .optional(),
  issued: z.object({ documentHash: z.string(), issuedAt: z.string() }).nullable().optional(),
  withdrawnAt: z.string().optional(),
  closedAt: z.string().optional(),
});
export type StaffReview = z.infer<typeof reviewSchema>;

/** A document of the case as the staff pages list it. */
export interface CaseDocument {
  readonly blobHash: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly step?: string;
  readonly at?: string;
}

export interface TimelineEntry {
  readonly at: string;
  readonly kind: string;
  readonly text: string;
}

export class StaffApi {
  constructor(
    private readonly api: WebApi,
    private readonly web: WebContext,
  ) {}

  private get client() {
    return this.api.for(this.web);
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      'accept-language': this.web.lang,
      [REQUEST_ID_HEADER]: this.web.requestId,
      ...(this.web.session && { authorization: `Bearer ${this.web.session.token}` }),
      ...extra,
    };
  }

  async review(caseId: string): Promise<Result<StaffReview>> {
    const { data, error, response } = await this.client.GET('/reviews/{caseId}', {
      params: { path: { caseId } },
    });
    if (!data) return { ok: false, problem: asProblem(error, response.status) };
    const parsed = reviewSchema.safeParse(data);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, problem: { status: 404, code: 'REVIEW_NOT_FOUND', detail: '' } };
  }

  async deadlines(caseId: string) {
    const { data, error, response } = await this.client.GET('/reviews/{caseId}/deadlines', {
      params: { path: { caseId } },
    });
    return data
      ? { ok: true as const, value: data }
      : { ok: false as const, problem: asProblem(error, response.status) };
  }

  /** The case as the register knows it (registry entry); undefined while staff cannot read it. */
  async caseFile(caseId: string) {
    const { data } = await this.client.GET('/cases/{caseId}', { params: { path: { caseId } } });
    return data;
  }

  /** Every step of the case in the page's language; undefined while staff cannot read it. */
  async timeline(caseId: string): Promise<readonly TimelineEntry[] | undefined> {
    const { data } = await this.client.GET('/cases/{caseId}/timeline', {
      params: { path: { caseId }, query: { lang: this.web.lang } },
    });
    return data;
  }

  async documents(caseId: string): Promise<readonly CaseDocument[] | undefined> {
    const { data } = await this.client.GET('/reviews/{caseId}/documents', { params: { path: { caseId } } });
    return data?.documents.map((document) => ({
      blobHash: document.blobHash,
      name: document.filename,
      contentType: document.contentType,
      size: document.size,
      step: document.providedIn,
      at: document.providedAt,
    }));
  }

  /** The document's bytes as the API serves them (its read is recorded there), or undefined. */
  async document(caseId: string, blobHash: string): Promise<Response | undefined> {
    const response = await fetch(`${this.api.baseUrl}/reviews/${caseId}/documents/${blobHash}`, {
      headers: this.headers(),
    }).catch(() => undefined);
    return response?.ok ? response : undefined;
  }

  async cases(unit: string, query: QueueQuery) {
    const { data, error, response } = await this.client.GET('/units/{unit}/cases', {
      params: { path: { unit }, query },
    });
    return data
      ? { ok: true as const, value: data }
      : { ok: false as const, problem: asProblem(error, response.status) };
  }

  async assign(caseId: string, reviewerId: string, version: number, reason?: string) {
    return outcome(
      await this.client.POST('/reviews/{caseId}/assignment', {
        params: { path: { caseId }, header: { 'If-Match': `"${version}"` } },
        body: { reviewerId, ...(reason && { reason }) },
      }),
    );
  }

  async requestInformation(caseId: string, requested: string, version: number) {
    return outcome(
      await this.client.POST('/reviews/{caseId}/information-requests', {
        params: { path: { caseId }, header: { 'If-Match': `"${version}"` } },
        body: { requested },
      }),
    );
  }

  async evaluate(caseId: string, findings: string, version: number) {
    return outcome(
      await this.client.POST('/reviews/{caseId}/evaluation', {
        params: { path: { caseId }, header: { 'If-Match': `"${version}"` } },
        body: { findings },
      }),
    );
  }

  async resolve(caseId: string, resolution: Resolution, version: number) {
    return outcome(
      await this.client.POST('/reviews/{caseId}/resolution', {
        params: { path: { caseId }, header: { 'If-Match': `"${version}"` } },
        body: resolution,
      }),
    );
  }

  /** The draft letter's bytes, or the API's refusal. */
  async previewResolution(caseId: string, resolution: Resolution): Promise<Result<Buffer>> {
    const response = await fetch(`${this.api.baseUrl}/reviews/${caseId}/resolution/preview`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json' }),
      body: JSON.stringify(resolution),
    });
    if (response.ok) return { ok: true, value: Buffer.from(await response.arrayBuffer()) };
    return { ok: false, problem: asProblem(await response.json().catch(() => undefined), response.status) };
  }
}

export interface Resolution {
  readonly outcome: 'granted' | 'partially-granted' | 'denied';
  readonly grounds: string;
  readonly legalBasis: string;
}

export interface QueueQuery {
  status?: 'open' | 'assigned' | 'awaiting-citizen' | 'evaluated' | 'resolved' | 'closed' | 'withdrawn';
  procedure?: 'medical-report-submission' | 'entitlement-application';
  province?: string;
  reviewer?: string;
  overdue?: 'true' | 'false';
  limit?: number;
  cursor?: string;
}

function outcome(reply: {
  data?: { version: number; status: string };
  error?: unknown;
  response: Response;
}): Result<{ version: number; status: string }> {
  return reply.data
    ? { ok: true, value: reply.data }
    : { ok: false, problem: asProblem(reply.error, reply.response.status) };
}
