import {
  AWARD_STARS,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  REVOKE,
  awardInput,
  productInput,
  revokeInput,
  subjectInput,
} from '../support/operations';
import { type TestServer, asDistrictOfficer, startTestServer } from '../support/testServer';

/**
 * Lists that fan out into stored events read each stream once per request: a product's revoked
 * certificates, their revocation events and their histories all come from one read of its stream.
 */
describe('Reads of stored events batched per request', () => {
  let server: TestServer;
  const ok = async (query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>) => {
    const response = await server.gql(query, variables, headers);
    expect(response.errors).toBeUndefined();
    return response.data!;
  };

  beforeAll(async () => {
    server = await startTestServer();
    await ok(REGISTER_SUBJECT, { input: subjectInput() });
    await ok(REGISTER_PRODUCT, { input: productInput() });
    await ok(AWARD_STARS, { input: awardInput({ decidedOn: '2024-05-02' }) });
    // District certificates, revoked before 2025-07-01 by the district that recognised them.
    const district = asDistrictOfficer('066');
    await ok(
      REVOKE,
      { input: revokeInput({ decidedOn: '2024-06-03', decisionNo: 'R-1', commandId: 'revoke-c1' }) },
      district,
    );
    await ok(AWARD_STARS, { input: awardInput({ decidedOn: '2024-08-05', decisionNo: 'A-2' }) });
    await ok(
      REVOKE,
      {
        input: revokeInput({
          certificateId: 'mien-dong.C2',
          decidedOn: '2024-10-07',
          decisionNo: 'R-2',
          commandId: 'revoke-c2',
        }),
      },
      district,
    );
  });
  afterAll(() => server.close());

  it("should read a product's stream once for all its revocations and their certificates' histories", async () => {
    const reads = jest.spyOn(server.store, 'readStream');
    try {
      const data = await ok(`{ revocations(from: "2024-01-01", to: "2024-12-31") {
        certificateId recorded { commandId } certificate { history { type } }
      } }`);
      expect(data['revocations']).toEqual([
        {
          certificateId: 'mien-dong.C1',
          recorded: { commandId: 'revoke-c1' },
          certificate: {
            history: [{ type: 'ProductEvaluated' }, { type: 'CertificateIssued' }, { type: 'CertificateRevoked' }],
          },
        },
        {
          certificateId: 'mien-dong.C2',
          recorded: { commandId: 'revoke-c2' },
          certificate: {
            history: [{ type: 'ProductEvaluated' }, { type: 'CertificateIssued' }, { type: 'CertificateRevoked' }],
          },
        },
      ]);
      expect(reads.mock.calls.map(([streamId]) => streamId)).toEqual(['ocop-product-mien-dong']);
    } finally {
      reads.mockRestore();
    }
  });

  it('should read no stream when no stored event is asked for', async () => {
    const reads = jest.spyOn(server.store, 'readStream');
    try {
      await ok('{ revocations(from: "2024-01-01", to: "2024-12-31") { certificateId decisionNo } }');
      expect(reads).not.toHaveBeenCalled();
    } finally {
      reads.mockRestore();
    }
  });
});
