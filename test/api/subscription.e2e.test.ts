import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type TestServer, startTestServer } from '../support/testServer';
import {
  AWARD_STARS,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  awardInput,
  productInput,
  subjectInput,
} from '../support/operations';

describe('planProgressChanged over graphql-ws on the same port', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('should push each changed district row and the province total as events change them', async () => {
    const client = createClient({ url: server.url.replace('http', 'ws'), webSocketImpl: WebSocket, lazy: false });
    const updates = client.iterate({
      query:
        'subscription { planProgressChanged(year: 2024, provinceCode: "06") { unit { code } newProducts3Star { target actual } newSubjects { actual } } }',
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // let the subscription start
      await server.gql(REGISTER_SUBJECT, { input: subjectInput() });
      await server.gql(REGISTER_PRODUCT, { input: productInput() });
      await server.gql(AWARD_STARS, { input: awardInput() });
      // The product makes the subject a new subject of 2024; the certificate makes it a new 3★ product.
      // Each update is checked as it arrives: an error, a missing row or a wrong number fails here.
      for (const row of [
        { unit: { code: '066' }, newProducts3Star: { target: 3, actual: 0 }, newSubjects: { actual: 1 } },
        { unit: { code: '06' }, newProducts3Star: { target: 20, actual: 0 }, newSubjects: { actual: 1 } },
        { unit: { code: '066' }, newProducts3Star: { target: 3, actual: 1 }, newSubjects: { actual: 1 } },
        { unit: { code: '06' }, newProducts3Star: { target: 20, actual: 1 }, newSubjects: { actual: 1 } },
      ]) {
        const update = await updates.next();
        expect(update).toEqual({ done: false, value: { data: { planProgressChanged: row } } });
      }
    } finally {
      await updates.return?.();
      await client.dispose();
    }
  });

  it('should end the subscription with the error when the operation is refused', async () => {
    const client = createClient({ url: server.url.replace('http', 'ws'), webSocketImpl: WebSocket, lazy: false });
    const updates = client.iterate({
      query: 'subscription { planProgressChanged(year: 2024, provinceCode: "06") { noSuchField } }',
    });
    try {
      await expect(updates.next()).rejects.toEqual([
        expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      ]);
    } finally {
      await client.dispose();
    }
  });
});
