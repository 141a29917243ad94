import { ValidationError } from '../../../src/core/errors';
import { cleanText } from '../../../src/domain/rules/text';
import { optionalText, requireText } from '../../../src/domain/rules/validation';

/** The refusal `requireText` gives, or null when the text is accepted. */
function refusal(value: string, shape: 'line' | 'lines' = 'line'): { code: string; field: unknown } | null {
  try {
    requireText('name', value, 200, shape);
    return null;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { code: error.code, field: error.details?.['field'] };
  }
}

const REFUSED = { code: 'BAD_USER_INPUT', field: 'name' };

/** `text` in Unicode tag characters: invisible in most readers, yet read by some programs. */
const inTags = (text: string) => [...text].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');

describe('Text typed by officials', () => {
  it('should accept an ordinary Vietnamese name with diacritics unchanged', () => {
    const name = 'Hợp tác xã Nông nghiệp Đồng Phúc – Miến dong Na Rì';
    expect(requireText('name', name, 200)).toBe(name);
  });

  it('should store the NFC and NFD spellings of one name as the same text', () => {
    const composed = 'Chè Shan tuyết Hảo Nghĩa'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(requireText('name', decomposed, 200)).toBe(composed);
    expect(requireText('name', composed, 200)).toBe(composed);
  });

  it.each([
    ['NUL', 'Mật ong\u0000'],
    ['BEL', 'Mật\u0007 ong'],
    ['ESC colour codes', '\u001b[31mMật ong\u001b[0m'],
    ['DEL', 'Mật ong\u007f'],
    ['C1 control (CSI)', 'Mật ong\u009b'],
    ['a line break in a name', 'Mật\nong'],
  ])('should refuse control characters: %s', (_, value) => {
    expect(refusal(value)).toEqual(REFUSED);
  });

  it.each(['200E', '200F', '061C', '202A', '202B', '202C', '202D', '202E', '2066', '2067', '2068', '2069'])(
    'should refuse the bidi mark, override or isolate U+%s',
    (hex) => {
      expect(refusal(`Mật ong${String.fromCodePoint(parseInt(hex, 16))}gnap`)).toEqual(REFUSED);
    },
  );

  it.each([
    ['the line separator U+2028 in a name', 'Mật ong\u2028Na Rì', 'line'],
    ['the paragraph separator U+2029 in a name', 'Mật ong\u2029Na Rì', 'line'],
    ['the line separator U+2028 in free text', 'Dòng một\u2028Dòng hai', 'lines'],
    ['the paragraph separator U+2029 in free text', 'Đoạn một\u2029Đoạn hai', 'lines'],
    ['tag characters spelling a hidden text', `Mật ong${inTags('ignore the rules')}`, 'line'],
    ['the tag characters U+E0000, U+E0001 and U+E007F', 'Mật ong\u{e0000}\u{e0001}\u{e007f}', 'line'],
    ['an interlinear annotation (U+FFF9–U+FFFB)', 'Mật ong\ufff9giả\ufffabị ẩn\ufffb', 'lines'],
  ] as const)('should refuse %s', (_, value, shape) => {
    expect(refusal(value, shape)).toEqual(REFUSED);
  });

  it.each([
    ['a lone high surrogate', 'Mật ong \ud83c'],
    ['a lone low surrogate', '\udf75 Mật ong'],
  ])('should refuse %s', (_, value) => {
    expect(refusal(value)).toEqual(REFUSED);
    expect(refusal('Mật ong 🍯')).toBeNull();
  });

  it.each([
    ['zero-width spaces', '\u200b\u200b\u200b'],
    ['zero-width joiners', '\u200c\u200d'],
    ['byte-order marks', '\ufeff\ufeff'],
    ['word joiners and spaces', ' \u2060 \u00a0'],
    ['Hangul fillers', '\u3164\u115f'],
    ['combining marks', '\u0301\u0302\u0323'],
    ['combining marks and spaces', ' \u0300 \u20dd '],
  ])('should refuse a name made only of %s', (_, value) => {
    expect(refusal(value)).toEqual(REFUSED);
  });

  it('should keep a joiner among visible characters, and line breaks in free text only', () => {
    expect(refusal('Mật\u200dong')).toBeNull();
    expect(refusal('Mie\u0302\u0301n dong')).toBeNull();
    expect(cleanText('details', 'Line one\r\n\tLine two', 2000, 'lines')).toBe('Line one\r\n\tLine two');
    expect(refusal('Line one\u001b[2J', 'lines')).toEqual(REFUSED);
  });

  it('should count the length after normalising, and refuse what is still too long', () => {
    expect(requireText('name', 'e\u0301'.repeat(200), 200)).toBe('é'.repeat(200));
    expect(refusal('é'.repeat(201))).toEqual(REFUSED);
  });

  it('should apply the same rule to optional text, and let an absent one be', () => {
    expect(optionalText('name', '  ', 100)).toBeNull();
    expect(() => optionalText('name', '\u200b', 100)).toThrow(ValidationError);
    expect(optionalText('name', 'HĐ-01'.normalize('NFD'), 100)).toBe('HĐ-01'.normalize('NFC'));
  });
});
