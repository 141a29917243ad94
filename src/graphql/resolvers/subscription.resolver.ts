import { Arg, Int, Resolver, Root, Subscription } from 'type-graphql';
import { districtTargets } from '../../../projections/districtTargets.projection';
import { isProjected } from '../../../projections';
import { vietnamDate } from '../../domain/rules/businessDate';
import { asyncQueue } from '../asyncQueue';
import type { GraphQLContext } from '../context';
import { DistrictTargetsRowType } from '../types/report.type';
import { AdministrativeUnitType } from '../types/unit.type';

type Row = ReturnType<typeof districtTargets>['districts'][number];

/**
 * Follows the live read models and yields each district row of the year's Annex 1 whose numbers an
 * event changed (the province total row too). Rows are compared as JSON, so an event that changes
 * nothing in the report pushes nothing.
 */
function changedRows(context: GraphQLContext, provinceCode: string, year: number): AsyncIterableIterator<Row> {
  const { runner, clock } = context.services;
  const snapshot = () => {
    const report = districtTargets({ models: runner.models, day: vietnamDate(clock()) }, provinceCode, year);
    return [...report.districts, report.total];
  };
  let previous = new Map(snapshot().map((row) => [row.unit.code, JSON.stringify(row)]));
  const queue = asyncQueue<Row>(() => detach());
  const detach = runner.onEvent((event) => {
    if (!isProjected(event.type)) return;
    for (const row of snapshot()) {
      const text = JSON.stringify(row);
      if (previous.get(row.unit.code) !== text) queue.push(row);
      previous = previous.set(row.unit.code, text);
    }
  });
  return queue.iterator;
}

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => DistrictTargetsRowType, {
    description: "Pushes a district's Annex 1 row (and the province total) whenever an event changes it",
    subscribe: ({ args, context }) =>
      changedRows(context as GraphQLContext, args['provinceCode'] as string, args['year'] as number),
  })
  planProgressChanged(
    @Root() row: Row,
    @Arg('year', () => Int) _year: number,
    @Arg('provinceCode', () => String, { defaultValue: '06' }) _provinceCode: string,
  ): DistrictTargetsRowType {
    return Object.assign(new DistrictTargetsRowType(), { ...row, unit: AdministrativeUnitType.from(row.unit) });
  }
}
