import type { EventStore } from '../eventStore/eventStore';
import { productDecider } from '../domain/product/decide';
import { productStreamId } from '../domain/product/events';
import { subjectDecider } from '../domain/subject/decide';
import { subjectStreamId } from '../domain/subject/events';
import { loadStream } from './handleCommand';

/**
 * The district a command acts in, read from the target's own stream so that no input can claim
 * another one. Null when the target does not exist (the decider then answers NOT_FOUND).
 */
export async function districtOfSubject(store: EventStore, subjectId: string): Promise<string | null> {
  const { state } = await loadStream(store, subjectStreamId(subjectId), subjectDecider);
  return state.status === 'registered' ? state.districtCode : null;
}

/** A product's district is fixed at registration (its subject's district then), in `ProductRegistered`. */
export async function districtOfProduct(store: EventStore, productId: string): Promise<string | null> {
  const { recorded } = await loadStream(store, productStreamId(productId), productDecider);
  const registered = recorded.find((event) => event.type === 'ProductRegistered');
  const districtCode = registered?.data['districtCode'];
  return typeof districtCode === 'string' ? districtCode : null;
}
