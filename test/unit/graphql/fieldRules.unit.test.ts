import type { GraphQLObjectType } from 'graphql';
import { createSchema } from '../../../src/graphql/schema';
import { rulesOf } from '../../../src/graphql/fieldRules';

const rootFields = (type: GraphQLObjectType | null | undefined) => Object.values(type?.getFields() ?? {});

describe('Rules declared on the schema', () => {
  it('should have every query and subscription field say who may ask for it', async () => {
    const schema = await createSchema();
    const undecided = [...rootFields(schema.getQueryType()), ...rootFields(schema.getSubscriptionType())]
      .filter((field) => !['public', 'officials'].includes(rulesOf(field).access ?? ''))
      .map((field) => field.name);
    expect(undecided).toEqual([]);
  });

  it('should declare the fields that read the event store, so their answers are never remembered', async () => {
    const schema = await createSchema();
    const query = schema.getQueryType()!.getFields();
    const history = schema.getType('Certificate') as GraphQLObjectType;
    const readsStore = ['auditTrail', 'verifyAuditTrail', 'auditDigest', 'events'].map((name) => query[name]!);
    for (const field of [...readsStore, history.getFields()['history']!])
      expect([field.name, rulesOf(field).readsStore]).toEqual([field.name, true]);
  });
});
