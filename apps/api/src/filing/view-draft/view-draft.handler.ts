import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { ExistingFiling, FilingDrafts } from '../filing.shared';
import type { FilingSlug } from '../procedures';

export type FilingView = ExistingFiling & { readonly version: number | undefined };

export class ViewDraft extends Query<FilingView> {
  constructor(
    readonly principal: Principal,
    readonly procedure: FilingSlug,
    readonly caseId: string,
  ) {
    super();
  }
}

@QueryHandler(ViewDraft)
export class ViewDraftHandler implements IQueryHandler<ViewDraft> {
  constructor(private readonly drafts: FilingDrafts) {}

  async execute({ principal, procedure, caseId }: ViewDraft): Promise<FilingView> {
    const { state, loaded } = await this.drafts.readable(procedure, principal, caseId);
    return { ...state, version: loaded.version };
  }
}
