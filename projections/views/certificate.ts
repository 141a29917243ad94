import type { EvaluationLevel } from '#src/domain/rules/authority';
import type { RevocationReason } from '#src/domain/product/events';
import type { DecidingAuthority } from '#src/domain/rules/issuingAuthority';
import type { Draft } from './draft';

export interface RevocationView {
  readonly reason: RevocationReason;
  readonly details: string;
  readonly decisionNo: string;
  readonly decidedOn: string;
  /** The authority that decided, as recorded (absent on older events). */
  readonly decidedBy?: DecidingAuthority;
}

export interface CertificateView {
  readonly id: string;
  readonly productId: string;
  readonly stars: number;
  readonly level: EvaluationLevel;
  readonly decisionNo: string;
  readonly issuedOn: string;
  readonly expiresOn: string;
  readonly supersedes: string | null;
  readonly supersededBy: string | null;
  readonly supersededOn?: string;
  readonly revokedOn?: string;
  readonly revocation: RevocationView | null;
  /** The issuing authority as recorded; absent on events recorded before it was (see `issuedByOf`). */
  readonly issuedBy?: DecidingAuthority;
}

export type CertificatesState = Map<string, Draft<CertificateView>>;
