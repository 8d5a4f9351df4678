import {
  DEFAULT_REPLENISHMENT_SETTINGS,
  replenishmentSettingsSchema,
  type ReplenishmentSettings,
} from '../../../shared/domain/forecasts';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';

/** Kept in the settings table under one key of its own, beside the store's settings. */
const KEY = 'replenishment';

export async function getReplenishmentSettings(ctx: ServiceContext): Promise<ReplenishmentSettings> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_REPLENISHMENT_SETTINGS;
  // A value an older version wrote keeps what still fits and takes the defaults for the rest.
  const stored = replenishmentSettingsSchema.partial().safeParse(JSON.parse(row.value));
  return { ...DEFAULT_REPLENISHMENT_SETTINGS, ...(stored.success ? stored.data : {}) };
}

export async function updateReplenishmentSettings(
  ctx: ServiceContext,
  change: Partial<ReplenishmentSettings>,
): Promise<ReplenishmentSettings> {
  const before = await getReplenishmentSettings(ctx);
  const next = replenishmentSettingsSchema.parse({ ...before, ...change });
  const now = nowIso();
  const value = JSON.stringify(next);
  await ctx.db
    .insertInto('settings')
    .values({ key: KEY, value, updated_at: now, updated_by: ctx.actor?.id ?? null })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now, updated_by: ctx.actor?.id ?? null }))
    .execute();
  await recordAudit(ctx, {
    action: 'settings.updated',
    entity: 'settings',
    details: { [KEY]: { from: before, to: next } },
  });
  return next;
}
