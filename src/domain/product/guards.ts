import { NotFoundError } from '../../core/errors';
import type { ProductState, RegisteredProduct } from './state';

export function registeredProduct(state: ProductState, productId: string): RegisteredProduct {
  if (state.status !== 'registered') throw new NotFoundError(`Product ${productId} does not exist`, { productId });
  return state;
}
