import { addDays, toBusinessDate } from '../../../src/domain/rules/businessDate';
import type { GraphQLAnswer } from '../../support/childServer';
import {
  AWARD_STARS,
  RECORD_LINKAGE,
  RECORD_QUALITY,
  RECORD_SUPPORT,
  RECORD_TRACEABILITY,
  REGISTER_PRODUCT,
  REGISTER_SUBJECT,
  REVOKE,
} from '../../support/operations';
import type { Random } from './random';

export type Outcome =
  | { state: 'pending' | 'unknown' | 'refused' }
  | { state: 'acked'; events: number; certificateId: string | null }
  | { state: 'unexpected'; answer: string };

/** What every sent command came to, by commandId: the ledger the crash checks are made against. */
export type Ledger = Map<string, Outcome>;

type Send = (query: string, variables: Record<string, unknown>) => Promise<GraphQLAnswer>;

interface KnownProduct {
  id: string;
  lastDate: string;
  certificates: string[];
}

export const DISTRICTS = ['058', '060', '061', '062', '063', '064', '065', '066'] as const;
/** Refusals a well-formed command may meet under concurrency; they must append nothing. */
const REFUSALS = new Set(['CONFLICT', 'BAD_USER_INPUT', 'NOT_FOUND']);
const yesterday = (): string => addDays(toBusinessDate(new Date()), -1);

/**
 * Mixed, concurrent writes from several clients: each registers a subject and a product, then awards
 * stars, revokes, and records traceability, quality, linkage and support, often on another client's
 * product so appends race on one stream. Every command is entered in the ledger before it is sent.
 */
export class Workload {
  private readonly products: KnownProduct[] = [];
  private sequence = 0;

  constructor(
    private readonly send: Send,
    private readonly random: Random,
    private readonly prefix: string,
    readonly ledger: Ledger,
  ) {}

  /** Runs `clients` loops until `stop()` says so or the server stops answering. */
  async run(clients: number, stop: () => boolean): Promise<void> {
    await Promise.all(Array.from({ length: clients }, (_, k) => this.client(k, this.random.fork(), stop)));
  }

  private async client(k: number, random: Random, stop: () => boolean): Promise<void> {
    const subjectId = `${this.prefix}-s${k}`;
    const subject = await this.command(REGISTER_SUBJECT, {
      id: subjectId,
      name: `HTX thử nghiệm ${this.prefix} số ${k}`,
      kind: random.pick(['COOPERATIVE', 'ENTERPRISE', 'HOUSEHOLD_BUSINESS', 'COOPERATIVE_GROUP']),
      districtCode: random.pick(DISTRICTS),
      registeredOn: '2023-01-02',
    });
    if (subject !== 'acked') return;
    for (let n = 0; !stop(); n++) {
      const productId = `${subjectId}-p${n}`;
      const registered = await this.command(REGISTER_PRODUCT, {
        id: productId,
        subjectId,
        name: `Sản phẩm ${n} của ${subjectId}`,
        group: random.pick(['FOOD', 'DRINKS', 'HERBAL', 'HANDICRAFTS']),
        registrationKind: random.pick(['NEW', 'UPGRADE']),
        registeredOn: '2023-02-01',
      });
      if (registered === 'lost') return;
      if (registered === 'acked') this.products.push({ id: productId, lastDate: '2023-02-01', certificates: [] });
      for (let step = 0; step < 12 && !stop(); step++) {
        const target = random.chance(0.5) ? this.products.at(-1) : random.pick(this.products);
        if (!target || (await this.act(target, subjectId, random)) === 'lost') return;
      }
    }
  }

  private async act(product: KnownProduct, subjectId: string, random: Random): Promise<string> {
    const decidedOn = addDays(product.lastDate, random.int(0, 25));
    if (decidedOn > yesterday()) return 'skipped';
    product.lastDate = decidedOn;
    const roll = random.next();
    if (roll < 0.55) {
      // A provincial officer records district (until districts were abolished) and provincial results.
      const level = decidedOn < '2025-07-01' && random.chance(0.3) ? 'DISTRICT' : 'PROVINCE';
      return this.command(
        AWARD_STARS,
        { productId: product.id, level, score: random.int(20, 100), decisionNo: `QĐ-${this.nextId()}`, decidedOn },
        product,
      );
    }
    const latest = product.certificates.at(-1);
    if (roll < 0.7 && latest) {
      return this.command(REVOKE, {
        certificateId: latest,
        reason: random.pick(['FOOD_SAFETY_VIOLATION', 'MARK_MISUSE', 'PRODUCTION_STOPPED']),
        details: 'Kiểm tra đột xuất',
        decisionNo: `TH-${this.nextId()}`,
        decidedOn,
      });
    }
    if (roll < 0.8) {
      return this.command(RECORD_TRACEABILITY, {
        productId: product.id,
        system: `icheck-${this.nextId()}`,
        enabledOn: decidedOn,
      });
    }
    if (roll < 0.9) {
      const input = {
        productId: product.id,
        standard: random.pick(['VIETGAP', 'HACCP', 'ORGANIC']),
        issuedOn: decidedOn,
      };
      return this.command(RECORD_QUALITY, { ...input, certificateNo: `QC-${this.nextId()}`, validUntil: null });
    }
    if (roll < 0.95) {
      const input = { subjectId, partnerName: `Đối tác ${this.nextId()}`, kind: 'CONSUMPTION', startedOn: decidedOn };
      return this.command(RECORD_LINKAGE, input);
    }
    const input = { subjectId, programme: random.pick(['CONSOLIDATION', 'INTENSIVE']), providedOn: decidedOn };
    return this.command(RECORD_SUPPORT, { ...input, description: 'Hỗ trợ bao bì' });
  }

  private nextId(): string {
    this.sequence += 1;
    return `${this.prefix}-${this.sequence}`;
  }

  /** Sends one command and enters its outcome; 'lost' means the server no longer answers. */
  private async command(query: string, input: Record<string, unknown>, awarded?: KnownProduct): Promise<string> {
    const commandId = `cmd-${this.nextId()}`;
    this.ledger.set(commandId, { state: 'pending' });
    let answer: GraphQLAnswer;
    try {
      answer = await this.send(query, { input: { ...input, commandId } });
    } catch {
      this.ledger.set(commandId, { state: 'unknown' });
      return 'lost';
    }
    const code = answer.errors?.[0]?.extensions?.code;
    if (answer.data && !answer.errors) {
      const evaluation = (
        answer.data as {
          awardStars?: { certificate: { id: string; level: string; supersedes: string | null } | null };
        }
      ).awardStars;
      const certificate = evaluation?.certificate ?? null;
      // The workload's officer is provincial: it revokes what the province recognised, never a
      // district's certificate (the district's to revoke before 2025-07-01).
      if (awarded && certificate && certificate.level !== 'DISTRICT') awarded.certificates.push(certificate.id);
      const events = 1 + (certificate ? 1 : 0) + (certificate?.supersedes ? 1 : 0);
      this.ledger.set(commandId, { state: 'acked', events, certificateId: certificate?.id ?? null });
      return 'acked';
    }
    if (code && REFUSALS.has(code)) this.ledger.set(commandId, { state: 'refused' });
    // UNAVAILABLE may mean "recorded, read models behind": its fate is checked like a lost answer's.
    else if (code === 'UNAVAILABLE') this.ledger.set(commandId, { state: 'unknown' });
    else this.ledger.set(commandId, { state: 'unexpected', answer: JSON.stringify(answer).slice(0, 500) });
    return 'refused';
  }
}
