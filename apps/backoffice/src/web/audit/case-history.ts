import type { paths } from '@expediente/infra/api-client/expediente-api';
import type { ExpedienteApi } from '../api-client';
import type { WebContext } from '../web-context';
import { eventLabel, streamLabel, whoOf } from './audit-labels';
import { writtenInstant } from './madrid-time';

const PAGE = 500;
/** A case larger than this is read a page at a time on its history page; the other pages stop here. */
const MAX_EVENTS = 10_000;

type Ok<Path extends keyof paths> = paths[Path]['get'] extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;
export type HistoryPage = Ok<'/audit/cases/{caseId}/history'>;
export type StoredEvent = HistoryPage['items'][number];
export type CaseState = Ok<'/audit/cases/{caseId}/state'>;
export type CaseDiff = Ok<'/audit/cases/{caseId}/diff'>;

export type CaseEvents =
  | { readonly found: true; readonly events: readonly StoredEvent[] }
  | { readonly found: false; readonly status: number };

/** Every event of the case, in log order, read page by page from the API's history. */
export async function caseEvents(api: ExpedienteApi, caseId: string): Promise<CaseEvents> {
  const events: StoredEvent[] = [];
  let cursor: string | undefined;
  do {
    const { data, response } = await api.GET('/audit/cases/{caseId}/history', {
      params: { path: { caseId }, query: { limit: PAGE, ...(cursor && { cursor }) } },
    });
    if (!data) return { found: false, status: response.status };
    events.push(...data.items);
    cursor = data.next ?? undefined;
  } while (cursor && events.length < MAX_EVENTS);
  return { found: true, events };
}

/** An event as a row of the history (and an option of the compare form). */
export function eventRow(web: WebContext, caseId: string, event: StoredEvent, previous: number) {
  const { t } = web;
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  return {
    position: event.position,
    recordedAt: event.recordedAt,
    time: writtenInstant(web.lang, event.recordedAt),
    stream: event.stream,
    streamLabel: streamLabel(t, event.stream),
    version: event.streamVersion,
    type: event.type,
    typeLabel: eventLabel(t, event.type),
    who: whoOf(t, event.metadata),
    hash: event.hash,
    hashShort: `${event.hash.slice(0, 12)}…`,
    data: json(event.data),
    metadata: json(event.metadata),
    stateHref: `/audit/cases/${caseId}/state?position=${event.position}`,
    changesHref: `/audit/cases/${caseId}/diff?from=${previous}&to=${event.position}`,
  };
}
