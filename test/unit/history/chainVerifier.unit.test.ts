import { StreamChainVerifier } from '../../../src/application/chainVerifier';
import { GENESIS_HASH, hashEvent } from '../../../src/application/hashChain';
import { headsText } from '../../../src/application/headsDigest';
import type { JsonObject } from '../../../src/core/json';

interface Stored {
  streamId: string;
  revision: bigint;
  position: { commit: bigint; prepare: bigint };
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}

/** A stream chained the way handleCommand chains it: each event names the hash of the one before. */
function chainedStream(datas: JsonObject[], streamId = 'ocop-product-p1'): Stored[] {
  let prevHash = GENESIS_HASH;
  return datas.map((data, i) => {
    const event = {
      streamId,
      revision: BigInt(i),
      position: { commit: BigInt(i + 1), prepare: BigInt(i + 1) },
      type: 'ProductEvaluated',
      data,
      metadata: { commandId: `c${i}`, prevHash } as JsonObject,
    };
    const hash = hashEvent(event);
    prevHash = hash;
    return { ...event, metadata: { ...event.metadata, hash } };
  });
}

const verify = (events: Stored[]) => {
  const verifier = new StreamChainVerifier(events[0]?.streamId ?? 'ocop-product-p1');
  for (const event of events) verifier.accept(event);
  return verifier.result();
};

const scores = [{ score: 62 }, { score: 75 }, { score: 91 }, { score: 50 }];

describe('A stream hash chain', () => {
  it('should verify a stream as it was written, with its last event as head', () => {
    const events = chainedStream(scores);
    const result = verify(events);
    expect(result).toMatchObject({ intact: true, events: 4, breaks: 0, gaps: [], firstBreak: null });
    expect(result.head).toEqual({ revision: 3n, hash: events[3]!.metadata['hash'] });
  });

  it('should name the edited event alone when one event’s data was changed', () => {
    const events = chainedStream(scores);
    events[1] = { ...events[1]!, data: { score: 95 } };
    const result = verify(events);
    expect(result.intact).toBe(false);
    expect(result.breaks).toBe(1);
    expect(result.firstBreak).toMatchObject({
      revision: 1n,
      reason: 'HASH_MISMATCH',
      found: events[1]!.metadata['hash'],
    });
  });

  it('should report the missing revision and the broken link when an event was removed', () => {
    const events = chainedStream(scores);
    events.splice(2, 1);
    const result = verify(events);
    expect(result.gaps).toEqual([{ streamId: 'ocop-product-p1', from: 2n, to: 2n }]);
    expect(result.firstBreak).toMatchObject({ revision: 3n, reason: 'PREV_HASH_MISMATCH' });
  });

  it('should report an event whose hash was recomputed after an edit at the next event’s link', () => {
    const events = chainedStream(scores);
    const edited = { ...events[1]!, data: { score: 95 } };
    edited.metadata = { ...edited.metadata, hash: hashEvent(edited) };
    events[1] = edited;
    expect(verify(events).firstBreak).toMatchObject({ revision: 2n, reason: 'PREV_HASH_MISMATCH' });
  });

  it('should report an event without a hash', () => {
    const events = chainedStream(scores);
    const { hash: _removed, ...metadata } = events[0]!.metadata;
    events[0] = { ...events[0]!, metadata };
    expect(verify(events).firstBreak).toMatchObject({ revision: 0n, reason: 'MISSING_HASH', found: null });
  });

  it('should accept a whole stream rewritten with recomputed hashes, which only a published head reveals', () => {
    const original = chainedStream(scores);
    const rewritten = chainedStream([{ score: 62 }, { score: 75 }, { score: 40 }, { score: 50 }]);
    expect(verify(rewritten).intact).toBe(true);
    const head = (events: Stored[]) => [
      { streamId: 'ocop-product-p1', revision: 3n, hash: String(events[3]!.metadata['hash']) },
    ];
    expect(headsText(head(rewritten))).not.toBe(headsText(head(original)));
  });
});
