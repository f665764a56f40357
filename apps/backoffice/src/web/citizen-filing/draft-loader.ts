import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { WebApi } from '../api-client';
import { Sessions } from '../session/sessions';
import { sendPage } from '../views';
import type { WebContext, WebSession } from '../web-context';
import { Draft, FilingApi, isSlug } from './filing-api';
import { draftPath, isCaseId, sendNotFound } from './filing-pages';

export interface LoadedDraft {
  readonly session: WebSession;
  readonly api: FilingApi;
  readonly draft: Draft;
  /** What the person had typed here before their session expired, once. */
  readonly restored: Readonly<Record<string, string>> | undefined;
}

/**
 * A draft's page needs the citizen's session and the draft as the API has it now; otherwise the
 * response is already sent (log-in, 404 for what is not theirs, or, for a filing already
 * signed, its confirmation) and the handler just returns.
 */
@Injectable()
export class DraftLoader {
  constructor(
    @Inject(WebApi) private readonly webApi: WebApi,
    @Inject(Sessions) private readonly sessions: Sessions,
  ) {}

  async load(
    web: WebContext,
    req: Request,
    res: Response,
    slug: string,
    caseId: string,
    { editable = true } = {},
  ): Promise<LoadedDraft | undefined> {
    if (!isSlug(slug) || !isCaseId(caseId)) {
      sendNotFound(res, web);
      return undefined;
    }
    const session = await this.sessions.require(web, req, res, ['citizen']);
    if (!session) return undefined;
    const api = new FilingApi(web, this.webApi);
    const found = await api.view(slug, caseId);
    if (!found.ok) {
      if (found.refusal.code === 'API_UNREACHABLE') {
        sendPage(
          res,
          web,
          'citizen-filing/unavailable',
          {},
          { title: 'filing.error.unreachable', status: 503 },
        );
      } else sendNotFound(res, web);
      return undefined;
    }
    if (editable && found.value.status !== 'draft') {
      res.redirect(303, draftPath(slug, caseId, 'confirmation'));
      return undefined;
    }
    const restored = req.method === 'GET' ? await this.sessions.restored(req, res) : undefined;
    return { session, api, draft: found.value, restored };
  }
}

/** Whether the draft is filed in someone else's name (the filer represents its subject). */
export const representing = (draft: Draft): boolean => draft.filer !== draft.subject;
