import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/domain/settings';
import { recordAudit } from './audit';
import { nowIso, type ServiceContext } from './context';

export type SettingsChange = Partial<Omit<Settings, 'address'>> & { address?: Partial<Settings['address']> };

/**
 * Settings are one row per top-level key, so two people changing different settings
 * never overwrite each other. Missing keys fall back to the defaults; a stored value
 * that no longer fits the schema (an older version wrote it) falls back too.
 */
export async function getSettings(ctx: ServiceContext): Promise<Settings> {
  const rows = await ctx.db.selectFrom('settings').select(['key', 'value']).execute();
  const stored: Record<string, unknown> = {};
  for (const row of rows) stored[row.key] = JSON.parse(row.value);
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(settingsSchema.shape) as Array<keyof Settings>) {
    const field = settingsSchema.shape[key].safeParse(stored[key]);
    if (field.success) merged[key] = field.data;
  }
  return merged as Settings;
}

export async function updateSettings(ctx: ServiceContext, change: SettingsChange): Promise<Settings> {
  const before = await getSettings(ctx);
  const next = settingsSchema.parse({ ...before, ...change, address: { ...before.address, ...change.address } });
  const now = nowIso();
  const changed: Partial<Record<keyof Settings, { from: unknown; to: unknown }>> = {};
  for (const key of Object.keys(next) as Array<keyof Settings>) {
    if (JSON.stringify(next[key]) === JSON.stringify(before[key])) continue;
    changed[key] = { from: before[key], to: next[key] };
    await ctx.db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(next[key]), updated_at: now, updated_by: ctx.actor?.id ?? null })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({ value: JSON.stringify(next[key]), updated_at: now, updated_by: ctx.actor?.id ?? null }),
      )
      .execute();
  }
  if (Object.keys(changed).length > 0) {
    await recordAudit(ctx, { action: 'settings.updated', entity: 'settings', details: changed });
  }
  return next;
}
