import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { businessDay } from '../document-numbers';
import { newId } from '../ids';
import { getSettings } from '../settings';

export interface CashUpFigures {
  terminal: string;
  businessDay: string;
  cashSales: number;
  cashRefunds: number;
  payments: Array<{ method: string; kind: 'payment' | 'refund'; count: number; amount: number }>;
  recorded: null | {
    id: string;
    openingFloat: number;
    expected: number;
    counted: number;
    difference: number;
    note: string;
    countedBy: string | null;
    createdAt: string;
  };
}

/**
 * A till's takings for one day, per method and kind. Cash sales count the amount kept,
 * not what was handed over: the change went back out of the same drawer.
 */
export async function cashUpFigures(
  ctx: ServiceContext,
  input: { terminal?: string; businessDay?: string },
): Promise<CashUpFigures> {
  const terminal = input.terminal ?? (await getSettings(ctx)).terminalCode;
  const day = input.businessDay ?? businessDay();
  const rows = await ctx.db
    .selectFrom('payments')
    .select((eb) => ['method', 'kind', eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('amount').as('amount')])
    .where('terminal', '=', terminal)
    .where('business_day', '=', day)
    .groupBy(['method', 'kind'])
    .orderBy('method')
    .orderBy('kind')
    .execute();
  const payments = rows.map((r) => ({
    method: r.method,
    kind: r.kind,
    count: Number(r.count),
    amount: Number(r.amount),
  }));
  const cash = (kind: 'payment' | 'refund') =>
    payments.filter((p) => p.method === 'cash' && p.kind === kind).reduce((sum, p) => sum + p.amount, 0);
  const recorded = await ctx.db
    .selectFrom('cash_ups')
    .selectAll()
    .where('terminal', '=', terminal)
    .where('business_day', '=', day)
    .executeTakeFirst();
  return {
    terminal,
    businessDay: day,
    cashSales: cash('payment'),
    cashRefunds: cash('refund'),
    payments,
    recorded: recorded
      ? {
          id: recorded.id,
          openingFloat: recorded.opening_float,
          expected: recorded.expected,
          counted: recorded.counted,
          difference: recorded.difference,
          note: recorded.note,
          countedBy: recorded.counted_by,
          createdAt: recorded.created_at,
        }
      : null,
  };
}

/** Closes a till's day: expected cash (float + sales − refunds) against what was counted. */
export async function recordCashUp(
  ctx: ServiceContext,
  input: { terminal?: string; businessDay?: string; openingFloat: number; counted: number; note: string },
): Promise<CashUpFigures> {
  const figures = await cashUpFigures(ctx, input);
  if (figures.recorded) {
    throw new AppError('CONFLICT', `Till ${figures.terminal} was already cashed up for ${figures.businessDay}`, {
      terminal: figures.terminal,
      businessDay: figures.businessDay,
    });
  }
  const expected = input.openingFloat + figures.cashSales - figures.cashRefunds;
  const id = newId();
  await ctx.db
    .insertInto('cash_ups')
    .values({
      id,
      terminal: figures.terminal,
      business_day: figures.businessDay,
      opening_float: input.openingFloat,
      cash_sales: figures.cashSales,
      cash_refunds: figures.cashRefunds,
      expected,
      counted: input.counted,
      difference: input.counted - expected,
      note: input.note,
      counted_by: ctx.actor?.id ?? null,
      created_at: nowIso(),
    })
    .execute();
  await recordAudit(ctx, {
    action: 'cashUp.recorded',
    entity: 'cash_up',
    entityId: id,
    details: { terminal: figures.terminal, businessDay: figures.businessDay, expected, counted: input.counted },
  });
  return cashUpFigures(ctx, { terminal: figures.terminal, businessDay: figures.businessDay });
}
