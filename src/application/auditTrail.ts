import type { JsonObject, JsonValue } from '../core/json';
import { productIdOfCertificate, productStreamId } from '../domain/product/events';
import { type EventStore, type GlobalPosition, type RecordedEvent, comparePositions } from '../eventStore/eventStore';

/** One event as an auditor reads it: what happened, on which business date, recorded when, by whom, why. */
export interface AuditEntry {
  readonly position: GlobalPosition;
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  /** The date the fact took effect (decision, registration…), from the event's data. */
  readonly businessDate: string | null;
  /** When the store recorded the event. */
  readonly recordedAt: Date;
  readonly actor: { id: string; role: string; unit: string | null } | null;
  /** The decision (or plan) the event records, when it has one. */
  readonly decisionNo: string | null;
  readonly commandId: string | null;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly prevHash: string | null;
  readonly hash: string | null;
  readonly data: JsonObject;
}

/** Which field of each event's data holds its business date. */
const BUSINESS_DATE_FIELD: Record<string, string> = {
  SubjectRegistered: 'registeredOn',
  LinkageRecorded: 'startedOn',
  SupportRecorded: 'providedOn',
  ProductRegistered: 'registeredOn',
  ProductEvaluated: 'decidedOn',
  CertificateIssued: 'issuedOn',
  CertificateSuperseded: 'supersededOn',
  CertificateRevoked: 'decidedOn',
  ProductProposed: 'proposedOn',
  ProposalReturned: 'returnedOn',
  TraceabilityRecorded: 'enabledOn',
  QualityCertificationRecorded: 'issuedOn',
  PlanAdopted: 'adoptedOn',
  PlanRevised: 'adoptedOn',
};
/** For event types added later: the usual names of a business date, in order of preference. */
const DATE_FIELDS = ['decidedOn', 'registeredOn', 'adoptedOn', 'issuedOn', 'providedOn', 'startedOn', 'enabledOn'];

const text = (value: JsonValue | undefined): string | null => (typeof value === 'string' ? value : null);

function actorOf(value: JsonValue | undefined): AuditEntry['actor'] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const id = text(value['id']);
  const role = text(value['role']);
  return id !== null && role !== null ? { id, role, unit: text(value['unit']) } : null;
}

export function toAuditEntry(event: RecordedEvent): AuditEntry {
  const { data, metadata } = event;
  const dateField = BUSINESS_DATE_FIELD[event.type] ?? DATE_FIELDS.find((f) => typeof data[f] === 'string');
  return {
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    businessDate: dateField ? text(data[dateField]) : null,
    recordedAt: event.recordedAt,
    actor: actorOf(metadata['actor']),
    decisionNo: text(data['decisionNo']) ?? text(data['reference']),
    commandId: text(metadata['commandId']),
    correlationId: text(metadata['correlationId']),
    causationId: text(metadata['causationId']),
    prevHash: text(metadata['prevHash']),
    hash: text(metadata['hash']),
    data,
  };
}

/**
 * Every event of a stream, oldest first. Audit questions are about the stored events themselves, so
 * they read the stream, not a read model.
 */
export async function auditTrail(store: EventStore, streamId: string): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for await (const event of store.readStream(streamId)) entries.push(toAuditEntry(event));
  return entries;
}

/** The stream that holds a certificate's life: its product's. */
export function certificateStreamId(certificateId: string): string | null {
  const productId = productIdOfCertificate(certificateId);
  return productId ? productStreamId(productId) : null;
}

/**
 * The life of one certificate among its product stream's entries: the evaluation that issued it, its
 * issue, supersession and revocation, up to `cut` when the question is about the past.
 */
export function certificateHistory(
  productEntries: readonly AuditEntry[],
  certificateId: string,
  cut: GlobalPosition | null = null,
): AuditEntry[] {
  return productEntries.filter(
    (e) => e.data['certificateId'] === certificateId && (!cut || comparePositions(e.position, cut) <= 0),
  );
}
