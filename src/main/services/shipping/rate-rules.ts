import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/errors';
import { clashingRule } from '../../../shared/shipping/rule-overlaps';
import type { RateRule, RateRuleFields } from '../../../shared/shipping/rules';
import type { RateRulesTable } from '../../database/schema';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { newId } from '../ids';
import { serviceRow } from './carriers';

function ruleOf(row: Selectable<RateRulesTable>): RateRule {
  return {
    id: row.id,
    serviceId: row.service_id,
    zoneName: row.zone_name,
    zone: {
      countries: JSON.parse(row.countries) as string[],
      regions: JSON.parse(row.regions) as string[],
      postcodePrefixes: JSON.parse(row.postcode_prefixes) as string[],
    },
    minWeightGrams: row.min_weight_grams,
    maxWeightGrams: row.max_weight_grams,
    baseWeightGrams: row.base_weight_grams,
    basePrice: row.base_price,
    stepGrams: row.step_grams,
    stepPrice: row.step_price,
    minimumCharge: row.minimum_charge,
    freeOver: row.free_over,
    transitDaysMin: row.transit_days_min,
    transitDaysMax: row.transit_days_max,
  };
}

/** The rules of the given services (all when none are named), in each service's order. */
export async function rulesOf(ctx: ServiceContext, serviceIds: readonly string[]): Promise<RateRule[]> {
  if (serviceIds.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('rate_rules')
    .selectAll()
    .where('service_id', 'in', serviceIds)
    .orderBy('service_id')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map(ruleOf);
}

export async function listRules(ctx: ServiceContext, serviceId: string): Promise<RateRule[]> {
  await serviceRow(ctx, serviceId);
  return rulesOf(ctx, [serviceId]);
}

async function ruleRow(ctx: ServiceContext, id: string): Promise<Selectable<RateRulesTable>> {
  const row = await ctx.db.selectFrom('rate_rules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No rate rule ${id}`, { entity: 'rate_rule', id });
  return row;
}

async function assertNoClash(ctx: ServiceContext, serviceId: string, fields: RateRuleFields, ownId: string | null) {
  const others = (await rulesOf(ctx, [serviceId])).filter((r) => r.id !== ownId);
  const clash = clashingRule(fields, others);
  if (clash) {
    const bracket = `${clash.minWeightGrams}–${clash.maxWeightGrams ?? '∞'} g`;
    throw new AppError(
      'CONFLICT',
      `The rule “${clash.zoneName}” (${bracket}) already prices parcels of this zone and weight`,
      {
        clashesWith: clash.id,
        issues: [{ path: 'zone', message: `Overlaps “${clash.zoneName}” (${bracket}) in zone and weight` }],
      },
    );
  }
}

function columnsOf(fields: RateRuleFields) {
  return {
    zone_name: fields.zoneName,
    countries: JSON.stringify(fields.zone.countries),
    regions: JSON.stringify(fields.zone.regions),
    postcode_prefixes: JSON.stringify(fields.zone.postcodePrefixes),
    min_weight_grams: fields.minWeightGrams,
    max_weight_grams: fields.maxWeightGrams,
    base_weight_grams: fields.baseWeightGrams,
    base_price: fields.basePrice,
    step_grams: fields.stepGrams,
    step_price: fields.stepPrice,
    minimum_charge: fields.minimumCharge,
    free_over: fields.freeOver,
    transit_days_min: fields.transitDaysMin,
    transit_days_max: fields.transitDaysMax,
    updated_at: nowIso(),
  };
}

export async function createRule(
  ctx: ServiceContext,
  input: RateRuleFields & { serviceId: string },
): Promise<RateRule> {
  const { serviceId, ...fields } = input;
  await serviceRow(ctx, serviceId);
  await assertNoClash(ctx, serviceId, fields, null);
  const last = await ctx.db
    .selectFrom('rate_rules')
    .select((eb) => eb.fn.max('sort_order').as('max'))
    .where('service_id', '=', serviceId)
    .executeTakeFirst();
  const id = newId();
  await ctx.db
    .insertInto('rate_rules')
    .values({
      ...columnsOf(fields),
      id,
      service_id: serviceId,
      sort_order: (last?.max ?? -1) + 1,
      created_at: nowIso(),
    })
    .execute();
  await recordAudit(ctx, { action: 'rate_rule.created', entity: 'rate_rule', entityId: id, details: input });
  return ruleOf(await ruleRow(ctx, id));
}

export async function updateRule(ctx: ServiceContext, input: RateRuleFields & { id: string }): Promise<RateRule> {
  const { id, ...fields } = input;
  const row = await ruleRow(ctx, id);
  await assertNoClash(ctx, row.service_id, fields, id);
  await ctx.db.updateTable('rate_rules').set(columnsOf(fields)).where('id', '=', id).execute();
  await recordAudit(ctx, {
    action: 'rate_rule.updated',
    entity: 'rate_rule',
    entityId: id,
    details: { before: ruleOf(row), after: fields },
  });
  return ruleOf(await ruleRow(ctx, id));
}

export async function deleteRule(ctx: ServiceContext, id: string): Promise<{ ok: true }> {
  const row = await ruleRow(ctx, id);
  await ctx.db.deleteFrom('rate_rules').where('id', '=', id).execute();
  await recordAudit(ctx, { action: 'rate_rule.deleted', entity: 'rate_rule', entityId: id, details: ruleOf(row) });
  return { ok: true };
}
