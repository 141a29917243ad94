import type { Decider, DomainEvent } from '../core/decider';
import { NotFoundError } from '../core/errors';
import type { EventStore } from '../eventStore/eventStore';
import type { AdoptPlan } from '../domain/plan/commands';
import { planDecider } from '../domain/plan/decide';
import { planStreamId } from '../domain/plan/events';
import type {
  AwardStars,
  ProposeProduct,
  RecordQualityCertification,
  RecordTraceability,
  RegisterProduct,
  ReturnProposal,
  RevokeCertificate,
} from '../domain/product/commands';
import { productDecider } from '../domain/product/decide';
import { productIdOfCertificate, productIdOfProposal, productStreamId } from '../domain/product/events';
import type { ProductState } from '../domain/product/state';
import { EVALUATION_LEVELS, type EvaluationLevel, type ProposingLevel } from '../domain/rules/authority';
import { vietnamDate } from '../domain/rules/businessDate';
import { REF_MAX } from '../domain/rules/limits';
import { requireOneOf, requireText } from '../domain/rules/validation';
import type { RecordLinkage, RecordSubjectCommune, RecordSupport, RegisterSubject } from '../domain/subject/commands';
import { subjectDecider } from '../domain/subject/decide';
import { subjectStreamId } from '../domain/subject/events';
import { type CommandRequest, authorize, whereOf } from './authorization';
import { communeOnDay } from '../domain/rules/units/placement';
import { formerIdsWithin, idWithin, registrationId } from './derivedIds';
import { type CommandResult, handleCommand, loadStream } from './handleCommand';
import type { CommandContext } from './metadata';
import { type KnownIds, NOTHING_KNOWN, oneSpellingPerId } from './uniqueIds';
import { targetCommands } from './targetCommands';

/** What the service is told as commands run (metrics and logs hook in here). */
export interface CommandObserver {
  /** The command on `streamId` lost a race with a concurrent write and is decided again. */
  readonly retried?: (streamId: string) => void;
}

/** A command as callers send it: everything but the day, which comes from the context's clock. */
type Input<C> = Omit<C, 'type' | 'today'>;

/**
 * The use cases, one path each: load the target's stream once, check on that state that the actor's
 * role and office allow the command where the target is (authorization.ts; never where the input
 * says it is), decide, append.
 * Ids are derived from the commandId when the caller gives none (derivedIds.ts), so a retried creation
 * lands on the same stream and is recognised as a repeat instead of creating a twin. A registration
 * is refused when its id is recorded in another spelling (uniqueIds.ts), which `knownIds` (the read
 * models of the process) answers.
 */
export function createRegistry(store: EventStore, observer: CommandObserver = {}, knownIds: KnownIds = NOTHING_KNOWN) {
  const today = (context: CommandContext): string => vietnamDate(context.now);
  const registering = oneSpellingPerId(knownIds);

  /** Runs `command` on its stream once `request(state)` is allowed for the actor. */
  const handle = <State, Command extends { readonly type: string }, Event extends DomainEvent>(
    streamId: string,
    decider: Decider<State, Command, Event>,
    command: Command,
    context: CommandContext,
    request: (state: State) => CommandRequest,
    formerly: readonly Command[] = [],
  ): Promise<CommandResult<State>> =>
    handleCommand(store, streamId, decider, command, context, {
      authorize: (state) => authorize(context.actor, request(state), today(context)),
      onRetry: observer.retried,
      formerly,
    });

  return {
    ...targetCommands(store, handle, today),

    adoptPlan: (input: Input<AdoptPlan>, context: CommandContext) =>
      handle(
        planStreamId(input.provinceCode, input.year),
        planDecider,
        { type: 'AdoptPlan', ...input, today: today(context) },
        context,
        () => ({ action: 'AdoptPlan', provinceCode: input.provinceCode, day: input.adoptedOn }),
      ),

    registerSubject: async (
      input: Omit<Input<RegisterSubject>, 'subjectId' | 'sameIdIgnoringCase'> & { subjectId?: string },
      context: CommandContext,
    ) => {
      const subjectId =
        input.subjectId ?? (await registrationId(store, 'S', 'RegisterSubject', subjectStreamId, context));
      const communes = input.communeCode ? [{ code: input.communeCode, on: input.registeredOn }] : [];
      const placement = { districtCode: input.districtCode ?? null, communes };
      return registering('subject', subjectId, (twin) => {
        const command: RegisterSubject = {
          type: 'RegisterSubject',
          ...input,
          subjectId,
          ...twin,
          today: today(context),
        };
        return handle(subjectStreamId(subjectId), subjectDecider, command, context, () => ({
          action: 'RegisterSubject',
          where: { placement, day: input.registeredOn },
        }));
      });
    },

    /** Judged where the subject is on `on` (when a commune places it then) and where the new commune places it. */
    recordSubjectCommune: (input: Input<RecordSubjectCommune>, context: CommandContext) => {
      const command: RecordSubjectCommune = { type: 'RecordSubjectCommune', ...input, today: today(context) };
      return handle(subjectStreamId(input.subjectId), subjectDecider, command, context, (subject) => {
        const before = whereOf(subject, input.on);
        if (before && communeOnDay(before.placement, input.on)) {
          authorize(context.actor, { action: 'RecordSubjectCommune', where: before }, today(context));
        }
        const after =
          subject.status === 'registered'
            ? { ...subject, communes: [...subject.communes, { code: input.communeCode, on: input.on }] }
            : subject;
        return { action: 'RecordSubjectCommune', where: whereOf(after, input.on) };
      });
    },

    recordLinkage: (input: Omit<Input<RecordLinkage>, 'linkageId'>, context: CommandContext) => {
      const linkageId = idWithin('L', input.subjectId, 'RecordLinkage', context);
      const command: RecordLinkage = { type: 'RecordLinkage', ...input, linkageId, today: today(context) };
      const formerly = formerIdsWithin('L', input.subjectId, context).map((id) => ({ ...command, linkageId: id }));
      return handle(
        subjectStreamId(input.subjectId),
        subjectDecider,
        command,
        context,
        (subject) => ({ action: 'RecordLinkage', where: whereOf(subject, input.startedOn) }),
        formerly,
      );
    },

    recordSupport: (input: Omit<Input<RecordSupport>, 'supportId'>, context: CommandContext) => {
      const supportId = idWithin('H', input.subjectId, 'RecordSupport', context);
      const command: RecordSupport = { type: 'RecordSupport', ...input, supportId, today: today(context) };
      const formerly = formerIdsWithin('H', input.subjectId, context).map((id) => ({ ...command, supportId: id }));
      return handle(
        subjectStreamId(input.subjectId),
        subjectDecider,
        command,
        context,
        (subject) => ({ action: 'RecordSupport', where: whereOf(subject, input.providedOn) }),
        formerly,
      );
    },

    /** The owning subject's stream is read too: the product is registered where its subject is. */
    registerProduct: async (
      input: Omit<Input<RegisterProduct>, 'productId' | 'subject' | 'sameIdIgnoringCase'> & { productId?: string },
      context: CommandContext,
    ) => {
      const productId =
        input.productId ?? (await registrationId(store, 'P', 'RegisterProduct', productStreamId, context));
      const subject = (await loadStream(store, subjectStreamId(input.subjectId), subjectDecider)).state;
      const command = (twin: { sameIdIgnoringCase?: string }): RegisterProduct => ({
        type: 'RegisterProduct',
        ...input,
        productId,
        ...twin,
        subject:
          subject.status === 'registered'
            ? {
                subjectId: subject.subjectId,
                districtCode: subject.districtCode,
                communes: subject.communes,
                registeredOn: subject.registeredOn,
              }
            : null,
        today: today(context),
      });
      return registering('product', productId, (twin) =>
        handle(productStreamId(productId), productDecider, command(twin), context, () => ({
          action: 'RegisterProduct',
          where: whereOf(subject, input.registeredOn),
        })),
      );
    },

    /** A commune only proposes: COMMUNE is refused as input before any grant is looked up. */
    awardStars: (given: Omit<Input<AwardStars>, 'level'> & { level: ProposingLevel }, context: CommandContext) => {
      const input = { ...given, level: requireOneOf('level', given.level, EVALUATION_LEVELS) };
      return handle(
        productStreamId(input.productId),
        productDecider,
        { type: 'AwardStars', ...input, today: today(context) },
        context,
        (product) => ({ action: 'AwardStars', level: input.level, where: whereOf(product, input.decidedOn) }),
      );
    },

    /** Judged, and the proposing commune read, where the product's subject is on the proposal's date. */
    proposeProduct: async (input: Omit<Input<ProposeProduct>, 'communeCode'>, context: CommandContext) => {
      const product = (await loadStream(store, productStreamId(input.productId), productDecider)).state;
      const subject =
        product.status === 'registered'
          ? (await loadStream(store, subjectStreamId(product.subjectId), subjectDecider)).state
          : product;
      const where = whereOf(subject, input.proposedOn);
      const communeCode = where ? (communeOnDay(where.placement, input.proposedOn)?.code ?? null) : null;
      const command: ProposeProduct = { type: 'ProposeProduct', ...input, communeCode, today: today(context) };
      return handle(productStreamId(input.productId), productDecider, command, context, () => ({
        action: 'ProposeProduct',
        where,
      }));
    },

    returnProposal: (given: Omit<Input<ReturnProposal>, 'productId'>, context: CommandContext) => {
      const input = { ...given, proposalId: requireText('proposalId', given.proposalId, REF_MAX) };
      const productId = productIdOfProposal(input.proposalId);
      if (!productId)
        throw new NotFoundError(`Proposal ${input.proposalId} does not exist`, { proposalId: input.proposalId });
      const command: ReturnProposal = { type: 'ReturnProposal', ...input, productId, today: today(context) };
      return handle(productStreamId(productId), productDecider, command, context, (product) => ({
        action: 'ReturnProposal',
        where: whereOf(product, input.returnedOn),
      }));
    },

    revokeCertificate: async (given: Omit<Input<RevokeCertificate>, 'productId'>, context: CommandContext) => {
      // A certificate number is text an official typed: one holding control or bidi characters is refused
      // as such, naming the field, before it is looked up (and would be quoted back as not found).
      const input = { ...given, certificateId: requireText('certificateId', given.certificateId, REF_MAX) };
      const productId = productIdOfCertificate(input.certificateId);
      if (!productId)
        throw new NotFoundError(`Certificate ${input.certificateId} does not exist`, {
          certificateId: input.certificateId,
        });
      const command: RevokeCertificate = { type: 'RevokeCertificate', ...input, productId, today: today(context) };
      return handle(productStreamId(productId), productDecider, command, context, (product) => ({
        action: 'RevokeCertificate',
        issuedBy: recognisingLevel(product, input.certificateId),
        where: whereOf(product, input.decidedOn),
      }));
    },

    recordTraceability: (input: Input<RecordTraceability>, context: CommandContext) =>
      handle(
        productStreamId(input.productId),
        productDecider,
        { type: 'RecordTraceability', ...input, today: today(context) },
        context,
        (product) => ({ action: 'RecordTraceability', where: whereOf(product, input.enabledOn) }),
      ),

    recordQualityCertification: (input: Input<RecordQualityCertification>, context: CommandContext) =>
      handle(
        productStreamId(input.productId),
        productDecider,
        { type: 'RecordQualityCertification', ...input, today: today(context) },
        context,
        (product) => ({ action: 'RecordQualityCertification', where: whereOf(product, input.issuedOn) }),
      ),
  };
}

export type Registry = ReturnType<typeof createRegistry>;
export type { CommandResult };

/** The level that recognised a certificate of the loaded product, or null when there is no such certificate. */
function recognisingLevel(product: ProductState, certificateId: string): EvaluationLevel | null {
  if (product.status !== 'registered') return null;
  return product.certificates.find((c) => c.certificateId === certificateId)?.level ?? null;
}
