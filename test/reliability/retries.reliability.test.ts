import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { type ChildServer, bearerToken, startChildServer } from '../support/childServer';
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
import { byCommand, readLog } from './support/history';
import { printFigures } from './support/random';

/**
 * Retries: a client whose request timed out resends it with the same commandId. Whether the resend
 * races the original or follows it, it gets the original's answer and the command is appended once.
 */
describe('Retries with the same commandId', () => {
  let server: ChildServer;
  let dir: string;
  const figures = { 'dropped originals': 0, 'of them appended by the original': 0, resends: 0, 'concurrent copies': 0 };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-retry-'));
    server = await startChildServer({ env: { OCOP_SQLITE_PATH: join(dir, 'ocop.db') } });
    await server.gql(REGISTER_SUBJECT, { input: subjectInput() });
  });
  afterAll(async () => {
    printFigures('retries', figures);
    await server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const storedOf = async (commandId: string) => byCommand(await readLog(join(dir, 'ocop.db'))).get(commandId) ?? [];
  const eventsOf = async (commandId: string) => (await storedOf(commandId)).map((e) => e.type);

  /**
   * Sends a request and never reads the answer: a client about to give up. The caller hangs up with
   * the returned function (the server abandons a request whose body it has not read yet).
   */
  async function sendUnanswered(query: string, variables: Record<string, unknown>): Promise<() => void> {
    const body = JSON.stringify({ query, variables });
    const sent = request(`${server.origin}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await bearerToken()}`,
        'content-length': Buffer.byteLength(body),
        'x-correlation-id': 'dropped-original',
      },
    });
    sent.on('error', () => undefined); // the hang-up is the point
    await new Promise<void>((resolve) => sent.end(body, resolve));
    figures['dropped originals'] += 1;
    return () => sent.destroy();
  }

  async function resend(query: string, variables: Record<string, unknown>) {
    figures.resends += 1;
    const { status: _status, ...answer } = await server.gql(query, variables);
    return answer;
  }

  async function expectOneAward(productId: string, answers: { data?: unknown; errors?: unknown }[]) {
    expect(answers[0]!.errors).toBeUndefined();
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.data).toMatchObject({ awardStars: { stars: 4, certificate: { id: `${productId}.C1` } } });
    const stored = await storedOf(`award-${productId}`);
    expect(stored.map((e) => e.type)).toEqual(['ProductEvaluated', 'CertificateIssued']);
    const byOriginal = stored[0]!.metadata['correlationId'] === 'dropped-original';
    if (byOriginal) figures['of them appended by the original'] += 1;
    return byOriginal;
  }

  const awardFor = async (productId: string) => {
    await server.gql(REGISTER_PRODUCT, { input: productInput({ id: productId }) });
    return { input: awardInput({ productId, level: 'PROVINCE', score: 75, commandId: `award-${productId}` }) };
  };

  it.each([0, 1, 3, 10])(
    'should give a resend racing the original (%i ms later) the answer of every later resend, appending once',
    async (pause) => {
      const variables = await awardFor(`race-${pause}`);
      const hangUp = await sendUnanswered(AWARD_STARS, variables);
      await delay(pause);
      const racing = resend(AWARD_STARS, variables);
      hangUp();
      await expectOneAward(`race-${pause}`, [await racing, await resend(AWARD_STARS, variables)]);
    },
  );

  it('should give a resend after the original was recorded, its answer lost, the original answer', async () => {
    const variables = await awardFor('recorded');
    const hangUp = await sendUnanswered(AWARD_STARS, variables);
    while ((await storedOf('award-recorded')).length === 0) await delay(5);
    hangUp();
    const answers = [await resend(AWARD_STARS, variables), await resend(AWARD_STARS, variables)];
    expect(await expectOneAward('recorded', answers)).toBe(true);
  });

  it('should answer concurrent copies of one command alike, appending once', async () => {
    const copies = 12;
    figures['concurrent copies'] += copies * 3;
    const subject = { input: subjectInput({ id: undefined, name: 'HTX Gửi lại', commandId: 'subject-copies' }) };
    const subjects = await Promise.all(Array.from({ length: copies }, () => resend(REGISTER_SUBJECT, subject)));
    const subjectId = (subjects[0]!.data as { registerSubject: { id: string } }).registerSubject.id;
    await server.gql(REGISTER_PRODUCT, { input: productInput({ id: 'copies', subjectId }) });
    const award = {
      input: awardInput({ productId: 'copies', level: 'PROVINCE', score: 95, commandId: 'award-copies' }),
    };
    const awards = await Promise.all(Array.from({ length: copies }, () => resend(AWARD_STARS, award)));
    const revoke = { input: revokeInput({ certificateId: 'copies.C1', commandId: 'revoke-copies' }) };
    const revokes = await Promise.all(Array.from({ length: copies }, () => resend(REVOKE, revoke)));
    for (const answers of [subjects, awards, revokes]) {
      expect(answers[0]!.errors).toBeUndefined();
      for (const answer of answers) expect(answer).toEqual(answers[0]);
    }
    expect(await eventsOf('subject-copies')).toEqual(['SubjectRegistered']);
    expect(await eventsOf('award-copies')).toEqual(['ProductEvaluated', 'CertificateIssued']);
    expect(await eventsOf('revoke-copies')).toEqual(['CertificateRevoked']);
  });

  it('should refuse a commandId reused for another command with CONFLICT, appending nothing', async () => {
    await server.gql(REGISTER_PRODUCT, { input: productInput({ id: 'reused' }) });
    const award = (score: number) => ({
      input: awardInput({ productId: 'reused', level: 'PROVINCE', score, commandId: 'award-reused' }),
    });
    expect((await resend(AWARD_STARS, award(75))).errors).toBeUndefined();
    const other = await resend(AWARD_STARS, award(80));
    expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await eventsOf('award-reused')).toEqual(['ProductEvaluated', 'CertificateIssued']);
  });

  it('should answer a resent refusal with the same refusal, appending nothing', async () => {
    const revoke = {
      input: revokeInput({ certificateId: 'copies.C1', decisionNo: 'again', commandId: 'revoke-again' }),
    };
    const first = await resend(REVOKE, revoke);
    expect(first.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await resend(REVOKE, revoke)).toEqual(first);
    expect(await eventsOf('revoke-again')).toEqual([]);
  });
});
