import { createHash } from 'node:crypto';
import type { EventStore } from '../eventStore/eventStore';
import type { AdoptPlan } from '../domain/plan/commands';
import { planDecider } from '../domain/plan/decide';
import { planStreamId } from '../domain/plan/events';
import type {
  AwardStars,
  RecordQualityCertification,
  RecordTraceability,
  RegisterProduct,
  RevokeCertificate,
} from '../domain/product/commands';
import { productDecider } from '../domain/product/decide';
import { productIdOfCertificate, productStreamId } from '../domain/product/events';
import { vietnamDate } from '../domain/rules/businessDate';
import type { RecordLinkage, RecordSupport, RegisterSubject } from '../domain/subject/commands';
import { subjectDecider } from '../domain/subject/decide';
import { subjectStreamId } from '../domain/subject/events';
import { NotFoundError } from '../core/errors';
import { authorize } from './authorization';
import { districtOfProduct, districtOfSubject } from './commandTargets';
import { type CommandResult, handleCommand, loadStream } from './handleCommand';
import type { CommandContext } from './metadata';

/** A command as callers send it: everything but the day, which comes from the context's clock. */
type Input<C> = Omit<C, 'type' | 'today'>;

/**
 * The use cases: each checks that the actor's role and office allow it (authorization.ts; the
 * district comes from the target's stream, never from the input), maps the command to its stream
 * and runs it through `handleCommand`.
 * Ids are derived from the commandId when the caller gives none, so a retried creation
 * lands on the same stream and is recognised as a repeat instead of creating a twin.
 */
export function createRegistry(store: EventStore) {
  const today = (context: CommandContext): string => vietnamDate(context.now);

  return {
    adoptPlan: async (input: Input<AdoptPlan>, context: CommandContext) => {
      authorize(context.actor, { action: 'AdoptPlan', unitCode: input.provinceCode });
      return handleCommand(
        store,
        planStreamId(input.provinceCode, input.year),
        planDecider,
        { type: 'AdoptPlan', ...input, today: today(context) },
        context,
      );
    },

    registerSubject: async (
      input: Omit<Input<RegisterSubject>, 'subjectId'> & { subjectId?: string },
      context: CommandContext,
    ) => {
      authorize(context.actor, { action: 'RegisterSubject', unitCode: input.districtCode });
      const subjectId = input.subjectId ?? idFromCommand('S', context.commandId);
      const command: RegisterSubject = { type: 'RegisterSubject', ...input, subjectId, today: today(context) };
      return handleCommand(store, subjectStreamId(subjectId), subjectDecider, command, context);
    },

    recordLinkage: async (input: Omit<Input<RecordLinkage>, 'linkageId'>, context: CommandContext) => {
      authorize(context.actor, { action: 'RecordLinkage', unitCode: await districtOfSubject(store, input.subjectId) });
      const command: RecordLinkage = {
        type: 'RecordLinkage',
        ...input,
        linkageId: idFromCommand('L', context.commandId),
        today: today(context),
      };
      return handleCommand(store, subjectStreamId(input.subjectId), subjectDecider, command, context);
    },

    recordSupport: async (input: Omit<Input<RecordSupport>, 'supportId'>, context: CommandContext) => {
      authorize(context.actor, { action: 'RecordSupport', unitCode: await districtOfSubject(store, input.subjectId) });
      const command: RecordSupport = {
        type: 'RecordSupport',
        ...input,
        supportId: idFromCommand('H', context.commandId),
        today: today(context),
      };
      return handleCommand(store, subjectStreamId(input.subjectId), subjectDecider, command, context);
    },

    registerProduct: async (
      input: Omit<Input<RegisterProduct>, 'productId' | 'subject'> & { productId?: string },
      context: CommandContext,
    ) => {
      const productId = input.productId ?? idFromCommand('P', context.commandId);
      const subject = (await loadStream(store, subjectStreamId(input.subjectId), subjectDecider)).state;
      const unitCode = subject.status === 'registered' ? subject.districtCode : null;
      authorize(context.actor, { action: 'RegisterProduct', unitCode });
      const command: RegisterProduct = {
        type: 'RegisterProduct',
        ...input,
        productId,
        subject:
          subject.status === 'registered'
            ? { subjectId: subject.subjectId, districtCode: subject.districtCode, registeredOn: subject.registeredOn }
            : null,
        today: today(context),
      };
      return handleCommand(store, productStreamId(productId), productDecider, command, context);
    },

    awardStars: async (input: Input<AwardStars>, context: CommandContext) => {
      const unitCode = await districtOfProduct(store, input.productId);
      authorize(context.actor, { action: 'AwardStars', level: input.level, unitCode });
      return handleCommand(
        store,
        productStreamId(input.productId),
        productDecider,
        { type: 'AwardStars', ...input, today: today(context) },
        context,
      );
    },

    revokeCertificate: async (input: Omit<Input<RevokeCertificate>, 'productId'>, context: CommandContext) => {
      const productId = productIdOfCertificate(input.certificateId);
      if (!productId)
        throw new NotFoundError(`Certificate ${input.certificateId} does not exist`, {
          certificateId: input.certificateId,
        });
      authorize(context.actor, { action: 'RevokeCertificate', unitCode: await districtOfProduct(store, productId) });
      const command: RevokeCertificate = { type: 'RevokeCertificate', ...input, productId, today: today(context) };
      return handleCommand(store, productStreamId(productId), productDecider, command, context);
    },

    recordTraceability: async (input: Input<RecordTraceability>, context: CommandContext) => {
      const unitCode = await districtOfProduct(store, input.productId);
      authorize(context.actor, { action: 'RecordTraceability', unitCode });
      return handleCommand(
        store,
        productStreamId(input.productId),
        productDecider,
        { type: 'RecordTraceability', ...input, today: today(context) },
        context,
      );
    },

    recordQualityCertification: async (input: Input<RecordQualityCertification>, context: CommandContext) => {
      const unitCode = await districtOfProduct(store, input.productId);
      authorize(context.actor, { action: 'RecordQualityCertification', unitCode });
      return handleCommand(
        store,
        productStreamId(input.productId),
        productDecider,
        { type: 'RecordQualityCertification', ...input, today: today(context) },
        context,
      );
    },
  };
}

export type Registry = ReturnType<typeof createRegistry>;
export type { CommandResult };

/** A short, stable id derived from the commandId: the same command always names the same entity. */
export function idFromCommand(prefix: string, commandId: string): string {
  return `${prefix}${createHash('sha256').update(commandId).digest('hex').slice(0, 16).toUpperCase()}`;
}
