/**
 * Every subject's and product's id by its folded key (src/domain/rules/ids.ts), so that a registration
 * can ask in one look-up whether its id is taken in another spelling. A log recorded before ids were
 * unique regardless of case may hold two spellings of one key (`Abc` and `abc`): both stay readable
 * under their own ids, and the key keeps the earlier registered, which a new spelling is refused in
 * favour of.
 */
export interface FoldedIdsState {
  subjects: Map<string, string>;
  products: Map<string, string>;
}
