import type { ServiceContext } from './context';
import { nowIso } from './context';
import { newId } from './ids';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  details?: unknown;
}

/** Appends one audit entry naming the acting user; called inside the command's transaction. */
export async function recordAudit(ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await recordAudits(ctx, [entry]);
}

/** Appends several entries in one statement (a batch of reservations, say). */
export async function recordAudits(ctx: ServiceContext, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const at = nowIso();
  await ctx.db
    .insertInto('audit_log')
    .values(
      entries.map((entry) => ({
        id: newId(),
        at,
        user_id: ctx.actor?.id ?? null,
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId ?? null,
        details: entry.details === undefined ? null : JSON.stringify(entry.details),
      })),
    )
    .execute();
}
