import type { Decider, DomainEvent } from '../core/decider';
import type { EventStore } from '../eventStore/eventStore';
import type { DesignateKeyProduct, EndKeyProduct } from '../domain/keyProduct/commands';
import { keyProductDecider } from '../domain/keyProduct/decide';
import { keyProductStreamId } from '../domain/keyProduct/events';
import type { RecordMediaCoverage } from '../domain/media/commands';
import { mediaDecider } from '../domain/media/decide';
import { mediaStreamId } from '../domain/media/events';
import { productDecider } from '../domain/product/decide';
import { productStreamId } from '../domain/product/events';
import type { CloseSalesPoint, RegisterSalesPoint } from '../domain/salesPoint/commands';
import { salesPointDecider } from '../domain/salesPoint/decide';
import { salesPointStreamId } from '../domain/salesPoint/events';
import { subjectDecider } from '../domain/subject/decide';
import { subjectStreamId } from '../domain/subject/events';
import type { CommandRequest } from './authorization';
import { whereOf } from './authorization';
import { idWithin, registrationId } from './derivedIds';
import { type CommandResult, loadStream } from './handleCommand';
import type { CommandContext } from './metadata';

/** Runs a command on its stream once the request is allowed (registry.ts's `handle`). */
export type Handle = <State, Command extends { readonly type: string }, Event extends DomainEvent>(
  streamId: string,
  decider: Decider<State, Command, Event>,
  command: Command,
  context: CommandContext,
  request: (state: State) => CommandRequest,
) => Promise<CommandResult<State>>;

type Input<C> = Omit<C, 'type' | 'today'>;

/**
 * The records Plan 180 sets targets for beyond its annexes: media coverage (one stream per province),
 * key products (one stream beside each product's) and sales points (one stream each). Each is judged
 * where its target is on the command's own date, as the other commands are.
 */
export function targetCommands(store: EventStore, handle: Handle, today: (context: CommandContext) => string) {
  /** Where a product's subject is: a key product belongs to the subject's district or commune. */
  const loadProduct = async (productId: string) => {
    const product = (await loadStream(store, productStreamId(productId), productDecider)).state;
    if (product.status !== 'registered') return null;
    const subject = (await loadStream(store, subjectStreamId(product.subjectId), subjectDecider)).state;
    const placement =
      subject.status === 'registered'
        ? { districtCode: subject.districtCode, communes: subject.communes }
        : { districtCode: product.districtCode, communes: product.communes };
    return { productId, registeredOn: product.registeredOn, placement };
  };

  return {
    recordMediaCoverage: (input: Omit<Input<RecordMediaCoverage>, 'itemId'>, context: CommandContext) => {
      const itemId = idWithin('M', input.provinceCode, 'RecordMediaCoverage', context);
      const command: RecordMediaCoverage = { type: 'RecordMediaCoverage', ...input, itemId, today: today(context) };
      return handle(mediaStreamId(input.provinceCode), mediaDecider, command, context, () => ({
        action: 'RecordMediaCoverage',
        provinceCode: input.provinceCode,
        day: input.publishedOn,
      }));
    },

    designateKeyProduct: async (input: Omit<Input<DesignateKeyProduct>, 'product'>, context: CommandContext) => {
      const product = await loadProduct(input.productId);
      const command: DesignateKeyProduct = { type: 'DesignateKeyProduct', ...input, product, today: today(context) };
      const where = product ? { placement: product.placement, day: input.decidedOn } : null;
      return handle(keyProductStreamId(input.productId), keyProductDecider, command, context, () => ({
        action: 'DesignateKeyProduct',
        level: input.level,
        where,
      }));
    },

    endKeyProduct: async (input: Input<EndKeyProduct>, context: CommandContext) => {
      const product = await loadProduct(input.productId);
      const command: EndKeyProduct = { type: 'EndKeyProduct', ...input, today: today(context) };
      const where = product ? { placement: product.placement, day: input.endedOn } : null;
      return handle(keyProductStreamId(input.productId), keyProductDecider, command, context, () => ({
        action: 'EndKeyProduct',
        level: input.level,
        where,
      }));
    },

    registerSalesPoint: async (
      input: Omit<Input<RegisterSalesPoint>, 'salesPointId' | 'operatorExists'> & { salesPointId?: string },
      context: CommandContext,
    ) => {
      const salesPointId =
        input.salesPointId ?? (await registrationId(store, 'D', 'RegisterSalesPoint', salesPointStreamId, context));
      const operator = input.operatorSubjectId
        ? (await loadStream(store, subjectStreamId(input.operatorSubjectId), subjectDecider)).state
        : null;
      const command: RegisterSalesPoint = {
        type: 'RegisterSalesPoint',
        ...input,
        salesPointId,
        operatorExists: operator?.status === 'registered',
        today: today(context),
      };
      const communes = input.communeCode ? [{ code: input.communeCode, on: input.openedOn }] : [];
      const placement = { districtCode: input.districtCode ?? null, communes };
      return handle(salesPointStreamId(salesPointId), salesPointDecider, command, context, () => ({
        action: 'RegisterSalesPoint',
        where: { placement, day: input.openedOn },
      }));
    },

    closeSalesPoint: (input: Input<CloseSalesPoint>, context: CommandContext) =>
      handle(
        salesPointStreamId(input.salesPointId),
        salesPointDecider,
        { type: 'CloseSalesPoint', ...input, today: today(context) },
        context,
        (point) => ({
          action: 'CloseSalesPoint',
          where: point.status === 'unregistered' ? null : whereOf({ ...point, status: 'registered' }, input.closedOn),
        }),
      ),
  };
}
