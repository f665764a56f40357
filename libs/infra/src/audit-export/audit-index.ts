import type { StoredEvent } from '../event-store/event-store.port';
import { GENESIS_HASH } from '../event-store/event-hash';
import { asDomainEvent, isEventOf } from '../event-store/domain-events';
import {
  AUDIT_EXPORT_FORMAT,
  AuditIndex,
  AuditScope,
  ENTRY,
  eventLineText,
  ExpedienteMetadata,
  ExportedStream,
  Interesado,
  sha256Hex,
  streamRoleOf,
} from './audit-export.format';
import { documentIndexOf } from './document-index';

/** Everything the index states, each of it recomputable from the export's own bytes. */
export interface IndexInputs {
  readonly scope: AuditScope;
  readonly exportedAt: string;
  readonly certificateSha256: string;
  /** In log order. */
  readonly events: readonly StoredEvent[];
  readonly eventsBytes: Buffer;
  readonly checkpointsBytes: Buffer;
  readonly checkpointCount: number;
  /** The hash each stream's first exported event chains onto, when it is not the stream's first event. */
  readonly previousHashes: ReadonlyMap<string, string>;
  readonly included: (hash: string) => boolean;
}

export function auditIndexOf(inputs: IndexInputs): AuditIndex {
  const { scope, exportedAt, events } = inputs;
  return {
    format: AUDIT_EXPORT_FORMAT,
    exportedAt,
    scope,
    canonicalization: 'RFC 8785',
    hashFunction: 'SHA-256',
    seal: { certificateSha256: inputs.certificateSha256 },
    expediente: scope.kind === 'case' ? expedienteOf(scope.caseId, events) : null,
    indice: {
      fechaIndiceElectronico: exportedAt,
      documentosIndizados: documentIndexOf(events, inputs.included),
    },
    events: {
      entry: ENTRY.events,
      count: events.length,
      bytes: inputs.eventsBytes.length,
      sha256: sha256Hex(inputs.eventsBytes),
      lineSha256: events.map((event) => sha256Hex(eventLineText(event))),
      streams: streamsOf(events, inputs.previousHashes),
    },
    checkpoints: {
      entry: ENTRY.checkpoints,
      count: inputs.checkpointCount,
      sha256: sha256Hex(inputs.checkpointsBytes),
    },
  };
}

/** Each stream's stretch, by stream name: first and last version and hash as the events carry them. */
export function streamsOf(
  events: readonly StoredEvent[],
  previousHashes: ReadonlyMap<string, string>,
): ExportedStream[] {
  const byStream = new Map<string, StoredEvent[]>();
  for (const event of events) byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), event]);
  return [...byStream.keys()].sort().map((stream) => {
    const list = byStream.get(stream)!;
    const first = list[0]!;
    const last = list[list.length - 1]!;
    return {
      stream,
      role: streamRoleOf(stream),
      firstVersion: first.streamVersion,
      lastVersion: last.streamVersion,
      events: list.length,
      previousHash: previousHashes.get(stream) ?? GENESIS_HASH,
      lastHash: last.hash,
    };
  });
}

const isSubmission = isEventOf(['ReportsSubmitted', 'EntitlementApplicationSubmitted']);
const isRouting = isEventOf(['CaseRoutedToUnit']);
const isEnding = isEventOf([
  'CaseClosed',
  'ReviewWithdrawn',
  'ReportsWithdrawn',
  'EntitlementApplicationWithdrawn',
]);
const isDraft = isEventOf(['ReportDraftCreated', 'EntitlementDraftCreated']);

/**
 * The expediente's ENI metadata as its events state it: the unit it is addressed to (órgano),
 * the registry date (fecha de apertura), the procedure (clasificación), open or closed (estado:
 * closed once the case is closed or withdrawn) and the people concerned (interesados).
 */
export function expedienteOf(caseId: string, events: readonly StoredEvent[]): ExpedienteMetadata {
  const domainEvents = events.flatMap((event) => asDomainEvent(event) ?? []);
  const submitted = domainEvents.find(isSubmission);
  const routed = domainEvents.find(isRouting);
  const draft = domainEvents.find(isDraft);
  const unit = routed?.data.unit ?? submitted?.data.unit;
  const openedAt = submitted?.data.registryEntry.registeredAt ?? null;
  const subject = submitted?.data.subject ?? draft?.data.subject;
  const filer = submitted?.data.filer ?? draft?.data.filer;
  const interesados: Interesado[] = [
    ...(subject
      ? [{ identificador: subject, nombre: submitted?.data.subjectName ?? null, rol: 'interesado' as const }]
      : []),
    ...(filer && filer !== subject
      ? [{ identificador: filer, nombre: null, rol: 'representante' as const }]
      : []),
  ];
  const procedure =
    routed?.data.procedure ??
    (submitted?.type === 'EntitlementApplicationSubmitted' || draft?.type === 'EntitlementDraftCreated'
      ? 'entitlement-application'
      : 'medical-report-submission');
  const closed = domainEvents.some(isEnding);
  const year = (openedAt ?? draft?.recordedAt.toISOString() ?? '').slice(0, 4);
  return {
    identificador: `ES_${unit?.id ?? 'SIN-ORGANO'}_${year}_EXP_${caseId}`,
    organo: unit ? { codigo: unit.id, nombre: unit.name } : null,
    fechaAperturaExpediente: openedAt,
    clasificacion: procedure,
    estado: closed ? { codigo: 'E02', descripcion: 'Cerrado' } : { codigo: 'E01', descripcion: 'Abierto' },
    interesados,
  };
}
