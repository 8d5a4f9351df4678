import type { ServiceContext } from './context';

/** The shop's calendar day on this machine, as YYYYMMDD. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * The next readable number of a kind of document, e.g. PO-20261127-0003, counting per
 * day. Called inside the command's transaction, so two documents never share a number.
 */
export async function nextDocumentNumber(ctx: ServiceContext, kind: 'PO' | 'CNT' | 'TR'): Promise<string> {
  const day = today();
  const row = await ctx.db
    .insertInto('document_sequences')
    .values({ kind, day, last: 1 })
    .onConflict((oc) =>
      oc.columns(['kind', 'day']).doUpdateSet((eb) => ({ last: eb('document_sequences.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${kind}-${day}-${String(row.last).padStart(4, '0')}`;
}
