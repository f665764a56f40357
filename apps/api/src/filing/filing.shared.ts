import { Inject, Injectable } from '@nestjs/common';
import { Forbidden, mayReadCase, NotFound } from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { metadataFor } from '../commands/command-context';
import { FILING_PROCEDURES, Filing, FilingSlug, LoadedFiling } from './procedures';

export type ExistingFiling = Exclude<Filing, { status: 'none' }>;
const FILING_STATUSES: ReadonlySet<string> = new Set<ExistingFiling['status']>([
  'draft',
  'submitted',
  'withdrawn',
]);
const isFiling = (state: Filing): state is ExistingFiling => FILING_STATUSES.has(state.status);

export interface OwnFiling {
  readonly loaded: LoadedFiling;
  readonly state: ExistingFiling;
}

/** The draft and its editing are the filer's; others follow the case through /cases/{id} (status and timeline). */
@Injectable()
export class FilingDrafts {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async loadOwn(slug: FilingSlug, principal: Principal, caseId: string): Promise<OwnFiling> {
    const loaded = await FILING_PROCEDURES[slug].load(this.store, caseId);
    const { state } = loaded;
    // A case of the other procedure folds to no status of this one: it is no filing of this kind.
    if (!isFiling(state)) throw new NotFound('CASE_NOT_FOUND', `There is no filing ${caseId}.`, { caseId });
    if (state.filer !== principal.subject) {
      throw new Forbidden('NOT_THE_FILER', 'Only the person who filed this case may work on it.', { caseId });
    }
    return { loaded, state };
  }

  /** The filer's own filing, read with a session that may read it now (the domain's case-reading rule). */
  async readable(slug: FilingSlug, principal: Principal, caseId: string): Promise<OwnFiling> {
    const own = await this.loadOwn(slug, principal, caseId);
    const { filer, subject } = own.state;
    const { actor, now } = metadataFor(principal);
    mayReadCase(actor, { caseId, filer, subject, procedure: FILING_PROCEDURES[slug].procedure }, [], now);
    return own;
  }
}
