import type { ProductGroup, QualityStandard, RegistrationKind } from '#src/domain/product/events';
import type { EvaluationLevel } from '#src/domain/rules/authority';
import type { EvaluationOutcome } from '#src/domain/rules/evaluationOutcome';
import type { EvaluationPurpose } from '#src/domain/rules/evaluationPurpose';
import type { ScoreParts } from '#src/domain/rules/scoreParts';
import type { Draft } from './draft';

export interface EvaluationView {
  readonly evaluationNo: number;
  readonly level: EvaluationLevel;
  readonly score: number;
  readonly scoreStars: number;
  readonly stars: number;
  readonly outcome: EvaluationOutcome;
  readonly proposedToHigherLevel: boolean;
  readonly parts: ScoreParts | null;
  readonly decisionNo: string;
  readonly decidedOn: string;
  readonly certificateId: string | null;
  /** As recorded; absent on evaluations recorded before purposes (read models derive it on read). */
  readonly purpose?: EvaluationPurpose;
}

export interface TraceabilityView {
  readonly system: string;
  readonly enabledOn: string;
}

export interface QualityCertificationView {
  readonly standard: QualityStandard;
  readonly certificateNo: string;
  readonly issuedOn: string;
  readonly validUntil: string | null;
}

export interface ProductView {
  readonly id: string;
  readonly subjectId: string;
  /** Its subject's district at registration, null for subjects registered from 2025-07-01. */
  readonly districtCode: string | null;
  readonly name: string;
  /** The name folded for search: lower case, without Vietnamese diacritics. */
  readonly searchName: string;
  readonly group: ProductGroup;
  readonly registrationKind: RegistrationKind;
  readonly registeredOn: string;
  readonly evaluations: readonly EvaluationView[];
  readonly certificateIds: readonly string[];
  readonly traceability: readonly TraceabilityView[];
  readonly qualityCertifications: readonly QualityCertificationView[];
}

export type ProductsState = Map<string, Draft<ProductView>>;
