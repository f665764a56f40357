import { caseReviewDecider, type Actor } from '@expediente/domain';
import { runCommand } from '@expediente/infra/commands/command-runner';
import type { StoredEvent } from '@expediente/infra/event-store/event-store.port';
import { collect, eventually } from './async';
import { ApiClient, pdfBytes } from './client';
import type { RunningSystem } from './system';

/** Staff of Madrid's INSS division (fictitious, checksum-valid ids). */
export const supervisor: Actor = {
  id: '11111111H',
  name: 'Supervisora',
  roles: ['supervisor'],
  levelOfAssurance: 'certificate',
  unit: 'INSS-28',
};
export const reviewer: Actor = {
  id: '22222222J',
  name: 'Revisor',
  roles: ['reviewer'],
  levelOfAssurance: 'certificate',
  unit: 'INSS-28',
};

export const eventsOf = (system: RunningSystem, stream: string): Promise<StoredEvent[]> =>
  collect(system.storage.eventStore.readStream(stream));

/** A citizen with an active benefit record in fixtures/benefit-records.json, filing in their own name. */
export interface OwnFiling {
  readonly subject: string;
  readonly name: string;
  readonly benefitRequestRef: string;
  readonly provinceCode: string;
}

const MADRID: OwnFiling = {
  subject: '34567890V',
  name: 'Lucía Martín Gil',
  benefitRequestRef: 'IT-2026-007001',
  provinceCode: '28',
};

/** A citizen files medical reports for Madrid through the API; resolves once the worker opened the review. */
export const fileMadridCase = (system: RunningSystem): Promise<string> => fileCase(system, MADRID);

/** A citizen files medical reports in their own name through the API; resolves once the worker opened the review. */
export async function fileCase(system: RunningSystem, filing: OwnFiling): Promise<string> {
  const citizen = await ApiClient.login(system.api, {
    subject: filing.subject,
    name: filing.name,
    levelOfAssurance: 'certificate',
  });
  const draft = await citizen.request<{ caseId: string }>('POST', '/filings/medical-reports', {
    subject: filing.subject,
    benefitRequestRef: filing.benefitRequestRef,
    provinceCode: filing.provinceCode,
  });
  const { caseId } = draft.body;
  await citizen.upload(`/filings/medical-reports/${caseId}/attachments`, {
    name: 'informe.pdf',
    bytes: pdfBytes(caseId),
    kind: 'medical-report',
  });
  const submitted = await citizen.request(
    'POST',
    `/filings/medical-reports/${caseId}/submission`,
    {},
    { 'idempotency-key': `case-${caseId}` },
  );
  if (submitted.status !== 201) throw new Error(`submission refused: ${JSON.stringify(submitted.body)}`);
  await eventually(
    async () => (await eventsOf(system, `review-${caseId}`)).some((e) => e.type === 'ReviewOpened'),
    'the review opened on routing',
    30_000,
  );
  return caseId;
}

/** Staff work straight through the domain, for tests about what the worker does next. */
export const decideReview = (
  system: RunningSystem,
  caseId: string,
  actor: Actor,
  type: string,
  data: Record<string, unknown> = {},
) =>
  runCommand(system.storage.eventStore, caseReviewDecider, `review-${caseId}`, {
    type,
    data: { caseId, ...data },
    metadata: { now: new Date(), actor },
  } as never);
