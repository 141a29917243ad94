import type { ProductEvent } from '../../../src/domain/product/events';
import { type ProductState, evolveProduct, initialProductState } from '../../../src/domain/product/state';
import { addDays, addMonths } from '../../../src/domain/rules/businessDate';
import { certificateStatusOn } from '../../../src/domain/rules/certificateValidity';

/** A product's events folded the way its decider folds them. */
export function foldProduct(events: readonly ProductEvent[]): ProductState {
  return events.reduce(evolveProduct, initialProductState());
}

/** Every day on which some certificate of the product changes status, and the day after each. */
function daysThatMatter(events: readonly ProductEvent[]): string[] {
  const days = new Set<string>();
  for (const { type, data } of events) {
    if (type === 'CertificateIssued')
      [data.issuedOn, data.expiresOn, addDays(data.expiresOn, 1)].forEach((d) => days.add(d));
    if (type === 'CertificateRevoked') days.add(data.decidedOn);
    if (type === 'CertificateSuperseded') days.add(data.supersededOn);
  }
  return [...days].flatMap((d) => [addDays(d, -1), d]);
}

/**
 * The certificate rules a product's history must keep, whatever the order commands arrived in:
 * 3–5 stars; valid for at most 36 months (through the same day 36 months on, as the Civil Code counts);
 * revoked at most once; superseded at most once, only by the next certificate (supersession is a line,
 * never a fork) and never by one with fewer stars; at most one VALID certificate on any day.
 */
export function certificateProblems(events: readonly ProductEvent[]): string[] {
  const problems: string[] = [];
  const issued: string[] = [];
  const starsOf = new Map<string, number>();
  const revoked = new Set<string>();
  const superseded = new Set<string>();
  // A renewal replaces the certificate it renews whatever its stars; any other supersession never lowers them.
  let purpose: string | undefined;
  for (const { type, data } of events) {
    if (type === 'ProductEvaluated') purpose = data.purpose;
    if (type === 'CertificateIssued') {
      if (data.stars < 3 || data.stars > 5) problems.push(`${data.certificateId} carries ${data.stars} stars`);
      if (data.expiresOn > addMonths(data.issuedOn, 36))
        problems.push(`${data.certificateId} is valid past 36 months (${data.issuedOn} to ${data.expiresOn})`);
      if (data.expiresOn < data.issuedOn) problems.push(`${data.certificateId} expires before it is issued`);
      if (data.supersedes !== null && data.supersedes !== issued.at(-1))
        problems.push(`${data.certificateId} supersedes ${data.supersedes}, not the certificate before it`);
      issued.push(data.certificateId);
      starsOf.set(data.certificateId, data.stars);
    }
    if (type === 'CertificateRevoked') {
      if (revoked.has(data.certificateId)) problems.push(`${data.certificateId} revoked twice`);
      revoked.add(data.certificateId);
    }
    if (type === 'CertificateSuperseded') {
      if (superseded.has(data.certificateId)) problems.push(`${data.certificateId} superseded twice`);
      superseded.add(data.certificateId);
      if (data.supersededBy !== issued.at(-1) || data.certificateId !== issued.at(-2))
        problems.push(`${data.certificateId} superseded by ${data.supersededBy}, not by its successor`);
      if (purpose !== 'RENEWAL' && (starsOf.get(data.supersededBy) ?? 0) < (starsOf.get(data.certificateId) ?? 0))
        problems.push(`${data.certificateId} superseded by ${data.supersededBy}, which has fewer stars`);
    }
  }
  const state = foldProduct(events);
  if (state.status !== 'registered') return problems;
  for (const day of daysThatMatter(events)) {
    const valid = state.certificates.filter((c) => c.issuedOn <= day && certificateStatusOn(c, day) === 'VALID');
    if (valid.length > 1) problems.push(`${valid.map((c) => c.certificateId).join(' and ')} both VALID on ${day}`);
  }
  for (const c of state.certificates) {
    if (c.revokedOn !== undefined && certificateStatusOn(c, addDays(c.revokedOn, 400)) !== 'REVOKED')
      problems.push(`${c.certificateId} is not REVOKED after its revocation`);
  }
  return problems;
}

/** A revocation, once made, is still there, unchanged, in every later state. */
export function revocationsKept(before: ProductState, after: ProductState): string[] {
  if (before.status !== 'registered' || after.status !== 'registered') return [];
  return before.certificates.flatMap((c) => {
    if (c.revokedOn === undefined) return [];
    const now = after.certificates.find((d) => d.certificateId === c.certificateId);
    return now?.revokedOn === c.revokedOn ? [] : [`${c.certificateId} lost its revocation of ${c.revokedOn}`];
  });
}
