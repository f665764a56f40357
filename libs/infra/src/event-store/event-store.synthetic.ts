import type { ExpedienteEvent, MedicalUnit } from '@expediente/domain';
import { SqlExecutor } from '../sql/sql-client';
import { streams } from './streams';

/** Stands for the case's id in the template; `SEQ` for its number. */
const CASE = '__CASE__';
const SEQ = '__SEQ__';

const UNIT: MedicalUnit = { kind: 'INSS', id: 'INSS-28', name: 'Dirección Provincial del INSS de Madrid' };
const HASH = (digit: string) => digit.repeat(64);

export interface SyntheticEvent {
  readonly stream: string;
  readonly event: ExpedienteEvent;
}

/**
 * One case's life as the system records it — a medical-report filing submitted, routed and
 * receipted, reviewed, resolved, its resolution issued and notified: twelve events, typed by the
 * domain's union, so every projection has work in them. For rebuild tests and the benchmark.
 */
export function syntheticCase(caseId: string, seq: string): readonly SyntheticEvent[] {
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString();
  const filer = `F${seq}`;
  const receiptCsv = `CSV${seq}`;
  const attachment = {
    blobHash: HASH('a'),
    filename: 'informe.pdf',
    contentType: 'application/pdf',
    size: 1000,
    kind: 'medical-report',
  } as const;
  const filing = streams.filing(caseId);
  const review = streams.review(caseId);
  const notificationId = `N${seq}`;
  const events: SyntheticEvent[] = [
    {
      stream: filing,
      event: {
        type: 'ReportDraftCreated',
        data: {
          caseId,
          filer,
          subject: filer,
          benefitRequestRef: `REF-${seq}`,
          provinceCode: '28',
          createdAt: at(0),
        },
      },
    },
    {
      stream: filing,
      event: { type: 'ReportDocumentAttached', data: { caseId, attachment, attachedAt: at(1) } },
    },
    {
      stream: filing,
      event: {
        type: 'ReportDraftUpdated',
        data: { caseId, benefitRequestRef: `REF-${seq}`, provinceCode: '28', updatedAt: at(2) },
      },
    },
    {
      stream: filing,
      event: {
        type: 'ReportsSubmitted',
        data: {
          caseId,
          filer,
          subject: filer,
          benefitRequestRef: `REF-${seq}`,
          provinceCode: '28',
          attachments: [attachment],
          unit: UNIT,
          submittedAt: at(3),
          registryEntry: { number: `2026/${seq}`, registeredAt: at(3) },
          receiptCsv,
          signedWith: 'certificate',
          representation: { kind: 'own-name' },
        },
      },
    },
    {
      stream: filing,
      event: {
        type: 'CaseRoutedToUnit',
        data: {
          caseId,
          procedure: 'medical-report-submission',
          provinceCode: '28',
          unit: UNIT,
          routedAt: at(3),
        },
      },
    },
    {
      stream: streams.receipt(caseId),
      event: {
        type: 'ProofOfReceiptIssued',
        data: {
          caseId,
          csv: receiptCsv,
          registryNumber: `2026/${seq}`,
          registeredAt: at(3),
          pdfHash: HASH('b'),
          p7sHash: HASH('c'),
          zipHash: HASH('d'),
          facts: {
            registryEntry: { number: `2026/${seq}`, registeredAt: at(3) },
            csv: receiptCsv,
            verifyUrl: 'https://sede.example/verify',
            filer: { idNumber: filer },
            subject: { idNumber: filer },
            procedure: 'Informes médicos',
            addresseeUnit: UNIT.name,
            province: { code: '28', name: 'Madrid' },
            documents: [],
          },
        },
      },
    },
    {
      stream: review,
      event: {
        type: 'ReviewOpened',
        data: {
          caseId,
          procedure: 'medical-report-submission',
          provinceCode: '28',
          unit: UNIT,
          subject: filer,
          filer,
          routedAt: at(3),
          openedAt: at(4),
        },
      },
    },
    {
      stream: review,
      event: {
        type: 'ReviewerAssigned',
        data: {
          caseId,
          reviewerId: '22222222J',
          previousReviewerId: null,
          assignedBy: '11111111H',
          assignedAt: at(5),
        },
      },
    },
    {
      stream: review,
      event: {
        type: 'CaseEvaluated',
        data: {
          caseId,
          evaluatedBy: '22222222J',
          findings: 'Limitación funcional moderada',
          evaluatedAt: at(6),
        },
      },
    },
    {
      stream: review,
      event: {
        type: 'CaseResolved',
        data: {
          caseId,
          resolvedBy: '22222222J',
          outcome: 'granted',
          grounds: 'Se reconoce la prestación',
          legalBasis: 'Art. 194 LGSS',
          resolvedAt: at(7),
        },
      },
    },
    {
      stream: review,
      event: {
        type: 'ResolutionIssued',
        data: {
          caseId,
          documentHash: HASH('e'),
          signatureHash: HASH('f'),
          csv: `RES${seq}`,
          issuedAt: at(8),
          paperCopy: false,
        },
      },
    },
    {
      stream: streams.notification(notificationId),
      event: {
        type: 'NotificationMadeAvailable',
        data: {
          notificationId,
          addressee: filer,
          subject: `Resolución del expediente 2026/${seq}`,
          caseId,
          documentHash: HASH('e'),
          specialCategory: true,
          madeAvailableAt: at(9),
          lastDayToAccess: '2026-03-12',
          deemedRejectedAt: '2026-03-12T22:59:59.999Z',
        },
      },
    },
  ];
  return events;
}

export const EVENTS_PER_SYNTHETIC_CASE = syntheticCase(CASE, SEQ).length;

/**
 * Writes `cases` synthetic cases straight into the events table with one INSERT … SELECT per
 * chunk: case n's events take positions n × 16 + 1 …, below any position an append hands out
 * (transaction id × 1024), so appends made afterwards follow them. Hashes are placeholders:
 * projections do not check them. Case ids are UUIDs derived from n; `first` is the first n.
 */
export async function insertSyntheticCases(
  sql: SqlExecutor,
  { cases, first = 1, chunk = 20_000 }: { cases: number; first?: number; chunk?: number },
): Promise<void> {
  const template = syntheticCase(CASE, SEQ).map(({ stream, event }, i) => ({
    i,
    stream,
    type: event.type,
    data: event.data,
  }));
  const versions = new Map<string, number>();
  const rows = template.map((row) => {
    const version = versions.get(row.stream) ?? 0;
    versions.set(row.stream, version + 1);
    return { ...row, version };
  });
  for (let from = first; from < first + cases; from += chunk) {
    const to = Math.min(from + chunk, first + cases) - 1;
    await sql.query(
      `INSERT INTO events (position, stream_id, stream_version, event_id, type, schema_version,
                           data, metadata, recorded_at, hash)
       SELECT c * 16 + t.i + 1, replace(replace(t.stream, $4, md5(c::text)::uuid::text), $5, lpad(c::text, 8, '0')), t.version, gen_random_uuid(),
              t.type, 1, replace(replace(t.data::text, $4, md5(c::text)::uuid::text), $5, lpad(c::text, 8, '0'))::jsonb,
              jsonb_build_object('actor', 'F' || lpad(c::text, 8, '0')),
              timestamptz '2026-03-02 09:00Z' + t.i * interval '1 minute', repeat('0', 64)
       FROM generate_series($1::bigint, $2::bigint) AS c
       CROSS JOIN jsonb_to_recordset($3::jsonb) AS t(i int, stream text, version int, type text, data jsonb)`,
      [from, to, JSON.stringify(rows), CASE, SEQ],
    );
  }
}

/** The id `insertSyntheticCases` gives case n. */
export async function syntheticCaseId(sql: SqlExecutor, n: number): Promise<string> {
  const [row] = await sql.query<{ id: string }>('SELECT md5($1::text)::uuid::text AS id', [n]);
  return row!.id;
}
