import type { ServiceContext } from './context';

/** The shop's calendar day on this machine, as YYYYMMDD. */
export function businessDay(now = new Date()): string {
  return `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * The next readable number of a kind of document, e.g. PO-20261127-0003, counting per
 * day. Called inside the command's transaction, so two documents never share a number.
 * With a terminal (SO-20261127-A7-0042) each till counts on its own, so two tills
 * working offline on their own databases never make the same number.
 */
export async function nextDocumentNumber(
  ctx: ServiceContext,
  prefix: 'PO' | 'CNT' | 'TR' | 'SO' | 'RMA' | 'PL' | 'SH',
  terminal?: string,
): Promise<string> {
  const day = businessDay();
  const kind = terminal ? `${prefix}-${terminal}` : prefix;
  const row = await ctx.db
    .insertInto('document_sequences')
    .values({ kind, day, last: 1 })
    .onConflict((oc) =>
      oc.columns(['kind', 'day']).doUpdateSet((eb) => ({ last: eb('document_sequences.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return [prefix, day, ...(terminal ? [terminal] : []), String(row.last).padStart(4, '0')].join('-');
}
