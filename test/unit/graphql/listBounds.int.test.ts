import { randomUUID } from 'node:crypto';
import type { GraphQLField } from 'graphql';
import { MINIMUM_LIST_WEIGHT, liveListWeights } from '../../../src/http/limits/listBounds';
import { ProjectionRunner } from '../../../projections/runner';
import { productRegistered, subjectRegistered } from '../../support/fixtures';
import { tempSqliteStore } from '../../support/tempStore';

const evaluated = (evaluationNo: number) => ({
  id: randomUUID(),
  type: 'ProductEvaluated',
  data: {
    productId: 'mien-dong',
    evaluationNo,
    level: 'DISTRICT',
    score: 40,
    scoreStars: 2,
    stars: 2,
    outcome: 'NOT_RECOGNISED',
    proposedToHigherLevel: false,
    parts: null,
    decisionNo: `${evaluationNo}/QĐ-UBND`,
    decidedOn: '2024-10-15',
    certificateId: null,
  },
  metadata: {},
});

/** A list field as the schema holds it, with no rules of its own. */
const field = (name: string) => ({ name, extensions: {} }) as unknown as GraphQLField<unknown, unknown>;

describe('List weights of the query cost', () => {
  const { store, cleanup } = tempSqliteStore();
  const runner = new ProjectionRunner(store);
  const weight = liveListWeights(runner);
  beforeAll(async () => {
    await store.append(
      'ocop-subject-htx-na-ri',
      [{ id: randomUUID(), ...subjectRegistered(), metadata: {} }],
      'no_stream',
    );
    await store.append(
      'ocop-product-mien-dong',
      [{ id: randomUUID(), ...productRegistered(), metadata: {} }],
      'no_stream',
    );
    await runner.start();
  });
  afterAll(async () => {
    weight.detach();
    await runner.stop();
    await cleanup();
  });

  it('should weigh a short list at the minimum', () => {
    expect(weight('Product', field('evaluations'))).toBe(MINIMUM_LIST_WEIGHT);
  });

  it('should weigh a list by its length as soon as the events that lengthened it are applied', async () => {
    const events = Array.from({ length: 60 }, (_, i) => evaluated(i + 1));
    const { position } = await store.append('ocop-product-mien-dong', events, 0n);
    await runner.waitFor(position);
    expect(weight('Product', field('evaluations'))).toBe(60);
  });

  it('should weigh the lists of read models the runner switched to by measuring them in full', async () => {
    await runner.rebuild();
    expect(weight('Product', field('evaluations'))).toBe(60);
    expect(weight('Subject', field('products'))).toBe(MINIMUM_LIST_WEIGHT);
  });
});
