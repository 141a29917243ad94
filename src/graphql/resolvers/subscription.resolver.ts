import { Arg, Int, Resolver, Root, Subscription } from 'type-graphql';
import { districtTargets } from '#projections/districtTargets.projection';
import { isProjected } from '#projections/index';
import { vietnamDate } from '../../domain/rules/businessDate';
import { asyncQueue } from '../asyncQueue';
import type { GraphQLContext } from '../context';
import { NOW_KEY } from '../cut';
import { DistrictTargetsRowType, reportKey, reportRows } from '../types/report.type';
import { Rules } from '../fieldRules';
import { provinceAsked } from '../provinceAsked';
import { PROVINCE_ASKED } from './args';

type Row = DistrictTargetsRowType;

/**
 * Follows the live read models and yields each district row of the year's Annex 1 whose numbers an
 * event changed (the province total row too). Rows are compared as JSON, so an event that changes
 * nothing in the report pushes nothing.
 */
function changedRows(context: GraphQLContext, provinceCode: string, year: number): AsyncIterableIterator<Row> {
  const { runner, clock } = context.services;
  // Rows carry the ids of the current report's rows, so a cached report takes each update in place.
  const key = reportKey('districtTargets', provinceCode, year);
  const snapshot = () => {
    const report = districtTargets({ models: runner.models, day: vietnamDate(clock()) }, provinceCode, year);
    const rows = reportRows(key, NOW_KEY, report, () => new DistrictTargetsRowType());
    return [...rows.districts, rows.total];
  };
  let previous = new Map(snapshot().map((row) => [row.id, JSON.stringify(row)]));
  const queue = asyncQueue<Row>(() => detach());
  const detach = runner.onEvent((event) => {
    if (!isProjected(event.type)) return;
    for (const row of snapshot()) {
      const text = JSON.stringify(row);
      if (previous.get(row.id) !== text) queue.push(row);
      previous = previous.set(row.id, text);
    }
  });
  return queue.iterator;
}

@Resolver()
export class SubscriptionResolver {
  @Rules({ access: 'public' })
  @Subscription(() => DistrictTargetsRowType, {
    description: "Pushes a unit's Annex 1 row (and the province total) whenever an event changes it",
    subscribe: ({ args, context }) => {
      const asked = context as GraphQLContext;
      const year = args['year'] as number;
      const day = vietnamDate(asked.services.clock());
      const provinceCode = provinceAsked(args['provinceCode'] as string | null, asked.actor, day, year);
      return changedRows(asked, provinceCode, year);
    },
  })
  planProgressChanged(
    @Root() row: Row,
    @Arg('year', () => Int, { description: 'The plan year to follow' }) _year: number,
    @Arg('provinceCode', () => String, { nullable: true, description: PROVINCE_ASKED })
    _provinceCode: string | null,
  ): DistrictTargetsRowType {
    return row;
  }
}
