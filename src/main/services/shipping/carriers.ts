import type { Selectable } from 'kysely';
import type { Carrier, CarrierService } from '../../../shared/contract/carriers';
import { AppError } from '../../../shared/errors';
import type { ServiceTerms, Zone } from '../../../shared/shipping/rules';
import type { CarrierServicesTable } from '../../database/schema';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { newId } from '../ids';

type ServiceRow = Selectable<CarrierServicesTable>;

export function termsOf(row: ServiceRow): ServiceTerms {
  return {
    volumetricDivisor: row.volumetric_divisor,
    originCountry: row.origin_country,
    cutoffHour: row.cutoff_hour,
    transitCalendar: row.transit_calendar,
    oversizeLongestMm: row.oversize_longest_mm,
    oversizeGirthMm: row.oversize_girth_mm,
    oversizeFee: row.oversize_fee,
    remoteFee: row.remote_fee,
    remoteAreas: JSON.parse(row.remote_areas) as Zone[],
  };
}

function serviceOf(row: ServiceRow, ruleCount: number): CarrierService {
  return {
    id: row.id,
    carrierId: row.carrier_id,
    code: row.code,
    name: row.name,
    active: row.active === 1,
    ruleCount,
    ...termsOf(row),
  };
}

async function ruleCounts(ctx: ServiceContext): Promise<Map<string, number>> {
  const counts = await ctx.db
    .selectFrom('rate_rules')
    .select(['service_id', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('service_id')
    .execute();
  return new Map(counts.map((c) => [c.service_id, Number(c.count)]));
}

export async function listCarriers(ctx: ServiceContext, onlyId?: string): Promise<Carrier[]> {
  let query = ctx.db.selectFrom('carriers').selectAll().orderBy('sort_order').orderBy('name');
  if (onlyId) query = query.where('id', '=', onlyId);
  const carriers = await query.execute();
  const services = await ctx.db
    .selectFrom('carrier_services')
    .selectAll()
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  const counts = await ruleCounts(ctx);
  return carriers.map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    kind: c.kind,
    trackingFormat: c.tracking_format,
    trackingUrl: c.tracking_url,
    active: c.active === 1,
    services: services.filter((s) => s.carrier_id === c.id).map((s) => serviceOf(s, counts.get(s.id) ?? 0)),
  }));
}

async function getCarrier(ctx: ServiceContext, id: string): Promise<Carrier> {
  const [carrier] = await listCarriers(ctx, id);
  if (!carrier) throw new AppError('NOT_FOUND', `No carrier ${id}`, { entity: 'carrier', id });
  return carrier;
}

export async function serviceRow(ctx: ServiceContext, id: string): Promise<ServiceRow> {
  const row = await ctx.db.selectFrom('carrier_services').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No carrier service ${id}`, { entity: 'carrier_service', id });
  return row;
}

async function getService(ctx: ServiceContext, id: string): Promise<CarrierService> {
  const row = await serviceRow(ctx, id);
  return serviceOf(row, (await ruleCounts(ctx)).get(id) ?? 0);
}

export async function updateCarrier(
  ctx: ServiceContext,
  input: { id: string; name?: string; active?: boolean; trackingUrl?: string | null },
): Promise<Carrier> {
  await getCarrier(ctx, input.id);
  await ctx.db
    .updateTable('carriers')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      ...(input.trackingUrl !== undefined ? { tracking_url: input.trackingUrl } : {}),
      updated_at: nowIso(),
    })
    .where('id', '=', input.id)
    .execute();
  await recordAudit(ctx, { action: 'carrier.updated', entity: 'carrier', entityId: input.id, details: input });
  return getCarrier(ctx, input.id);
}

function termColumns(terms: Partial<ServiceTerms>) {
  return {
    ...(terms.volumetricDivisor !== undefined ? { volumetric_divisor: terms.volumetricDivisor } : {}),
    ...(terms.originCountry !== undefined ? { origin_country: terms.originCountry } : {}),
    ...(terms.cutoffHour !== undefined ? { cutoff_hour: terms.cutoffHour } : {}),
    ...(terms.transitCalendar !== undefined ? { transit_calendar: terms.transitCalendar } : {}),
    ...(terms.oversizeLongestMm !== undefined ? { oversize_longest_mm: terms.oversizeLongestMm } : {}),
    ...(terms.oversizeGirthMm !== undefined ? { oversize_girth_mm: terms.oversizeGirthMm } : {}),
    ...(terms.oversizeFee !== undefined ? { oversize_fee: terms.oversizeFee } : {}),
    ...(terms.remoteFee !== undefined ? { remote_fee: terms.remoteFee } : {}),
    ...(terms.remoteAreas !== undefined ? { remote_areas: JSON.stringify(terms.remoteAreas) } : {}),
  };
}

export async function createService(
  ctx: ServiceContext,
  input: Partial<ServiceTerms> & { carrierId: string; code: string; name: string },
): Promise<CarrierService> {
  await getCarrier(ctx, input.carrierId);
  const taken = await ctx.db
    .selectFrom('carrier_services')
    .select('id')
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (taken) {
    throw new AppError('CONFLICT', `A service with code ${input.code} exists`, {
      issues: [{ path: 'code', message: 'Already taken' }],
    });
  }
  const last = await ctx.db
    .selectFrom('carrier_services')
    .select((eb) => eb.fn.max('sort_order').as('max'))
    .where('carrier_id', '=', input.carrierId)
    .executeTakeFirst();
  const id = newId();
  const now = nowIso();
  const { carrierId, code, name, ...terms } = input;
  await ctx.db
    .insertInto('carrier_services')
    .values({
      id,
      carrier_id: carrierId,
      code,
      name,
      volumetric_divisor: 0,
      oversize_longest_mm: null,
      oversize_girth_mm: null,
      ...termColumns(terms),
      active: 1,
      sort_order: (last?.max ?? -1) + 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await recordAudit(ctx, {
    action: 'carrier_service.created',
    entity: 'carrier_service',
    entityId: id,
    details: input,
  });
  return getService(ctx, id);
}

export async function updateService(
  ctx: ServiceContext,
  input: Partial<ServiceTerms> & { id: string; name?: string; active?: boolean },
): Promise<CarrierService> {
  await serviceRow(ctx, input.id);
  const { id, name, active, ...terms } = input;
  await ctx.db
    .updateTable('carrier_services')
    .set({
      ...termColumns(terms),
      ...(name !== undefined ? { name } : {}),
      ...(active !== undefined ? { active: active ? 1 : 0 } : {}),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();
  await recordAudit(ctx, {
    action: 'carrier_service.updated',
    entity: 'carrier_service',
    entityId: id,
    details: input,
  });
  return getService(ctx, id);
}
