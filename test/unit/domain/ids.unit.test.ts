import { IllegalStateError, ValidationError } from '../../../src/core/errors';
import type { ProductCommand } from '../../../src/domain/product/commands';
import { productDecider } from '../../../src/domain/product/decide';
import { CERTIFICATE_ID_PATTERN, ID_PATTERN, foldId, isSafeId, requireSafeId } from '../../../src/domain/rules/ids';
import type { SubjectCommand } from '../../../src/domain/subject/commands';
import { subjectDecider } from '../../../src/domain/subject/decide';
import { deciderSpec } from '../../support/deciderSpec';
import { TODAY, subjectRegistered } from '../../support/fixtures';

const registerSubject = (overrides: Record<string, unknown> = {}): SubjectCommand => ({
  type: 'RegisterSubject',
  subjectId: 'htx-na-ri',
  name: 'HTX Miến dong Na Rì',
  kind: 'COOPERATIVE',
  districtCode: '066',
  registeredOn: '2024-03-01',
  today: TODAY,
  ...overrides,
});
const registerProduct = (overrides: Record<string, unknown> = {}): ProductCommand => ({
  type: 'RegisterProduct',
  productId: 'mien-dong',
  subjectId: 'htx-na-ri',
  subject: { subjectId: 'htx-na-ri', districtCode: '066', communes: [], registeredOn: '2024-03-01' },
  name: 'Miến dong',
  group: 'FOOD',
  registrationKind: 'NEW',
  registeredOn: '2024-03-15',
  today: TODAY,
  ...overrides,
});

describe('The id rule', () => {
  it.each(['a', 'HTX-Na-Ri_01', '0', 'x'.repeat(64), 'S0123456789ABCDEF'])('should accept %s', (id) => {
    expect(isSafeId(id)).toBe(true);
    expect(requireSafeId('id', id)).toBe(id);
  });

  it.each([
    ['empty', ''],
    ['65 characters', 'x'.repeat(65)],
    ['a dot, which separates a certificate number', 'mien-dong.C1'],
    ['a space', 'htx na ri'],
    ['a slash', 'htx/na'],
    ['a Vietnamese letter', 'htx-nà-rì'],
    ['a Cyrillic look-alike', 'htх-01'],
    ['a fullwidth letter', 'ｈtx'],
    ['a zero-width space', 'htx\u200b01'],
    ['a line break at the end', 'htx\n'],
  ])('should refuse an id with %s, naming the field and not the value', (_what, id) => {
    expect(isSafeId(id)).toBe(false);
    expect(() => requireSafeId('id', id)).toThrow(
      new ValidationError("id must be 1–64 letters, digits, '_' or '-' (ASCII)"),
    );
  });

  it('should compare ids by their lower case', () => {
    expect(foldId('HTX-Na-Ri_01')).toBe(foldId('htx-na-ri_01'));
    expect(foldId('htx-01')).not.toBe(foldId('htx-02'));
  });

  it('should make a certificate number of a safe id, `.C` and its sequence', () => {
    expect(['mien-dong.C1', 'S0123456789ABCDEF.C12'].map((n) => CERTIFICATE_ID_PATTERN.test(n))).toEqual([true, true]);
    expect(['mien-dong.C0', 'mien.dong.C1', 'mien-dong', 'miến.C1'].some((n) => CERTIFICATE_ID_PATTERN.test(n))).toBe(
      false,
    );
  });

  it('should be the pattern the GraphQL inputs use', () => {
    expect(ID_PATTERN.source).toBe('^[A-Za-z0-9_-]{1,64}$');
  });
});

describe('Registering with an id', () => {
  const subjects = deciderSpec(subjectDecider);
  const products = deciderSpec(productDecider);

  it('should refuse a subject id outside the rule, whoever calls', () => {
    subjects
      .given([])
      .when(registerSubject({ subjectId: 'htx.01' }))
      .thenThrows(ValidationError, /^id must be/);
  });

  it('should refuse a product id outside the rule, whoever calls', () => {
    products
      .given([])
      .when(registerProduct({ productId: 'miến' }))
      .thenThrows(ValidationError, /^id must be/);
  });

  it('should refuse a subject whose id is recorded in another spelling, naming the recorded one', () => {
    subjects
      .given([])
      .when(registerSubject({ subjectId: 'HTX-NA-RI', sameIdIgnoringCase: 'htx-na-ri' }))
      .thenThrows(IllegalStateError, /^Subject htx-na-ri already exists: ids are unique regardless of case$/);
  });

  it('should refuse a product whose id is recorded in another spelling, naming the recorded one', () => {
    products
      .given([])
      .when(registerProduct({ productId: 'Mien-Dong', sameIdIgnoringCase: 'mien-dong' }))
      .thenThrows(IllegalStateError, /^Product mien-dong already exists/);
  });

  it('should say a subject registered again under its own id is already registered', () => {
    subjects
      .given([subjectRegistered()])
      .when(registerSubject({ sameIdIgnoringCase: 'HTX-NA-RI' }))
      .thenThrows(IllegalStateError, /^Subject htx-na-ri is already registered$/);
  });
});
