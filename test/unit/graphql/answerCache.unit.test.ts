import { AnswerCache, type RememberedAnswer } from '../../../src/http/answers/answerCache';

const answer = (body: string): RememberedAnswer => ({ status: 200, headers: [], body, etag: null });

describe('AnswerCache', () => {
  it('should forget everything when the position moves on', () => {
    const cache = new AnswerCache(1 << 20);
    const at1 = { commit: 1n, prepare: 1n };
    cache.set(at1, 'q', answer('one'));
    expect(cache.get(at1, 'q')?.body).toBe('one');
    const at2 = { commit: 2n, prepare: 2n };
    expect(cache.get(at2, 'q')).toBeUndefined();
    expect(cache.get(at1, 'q')).toBeUndefined();
  });

  it('should stay within its byte budget, evicting the least recently used first', () => {
    const cache = new AnswerCache(64 * 1024);
    const at = {};
    const body = 'x'.repeat(2000);
    for (let i = 0; i < 100; i++) {
      cache.set(at, `q${i}`, answer(body));
      if (i === 50) cache.get(at, 'q0');
    }
    const stats = cache.stats();
    expect(stats.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(stats.evictions).toBeGreaterThan(0);
    expect(cache.get(at, 'q99')).toBeDefined();
    expect(cache.get(at, 'q1')).toBeUndefined();
  });

  it('should not keep an answer larger than an eighth of the budget', () => {
    const cache = new AnswerCache(8000);
    cache.set({}, 'big', answer('x'.repeat(600)));
    expect(cache.stats().entries).toBe(0);
  });
});
