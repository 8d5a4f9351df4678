import type { Order } from '../../../shared/domain/orders';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { getOrder, handOver, placeOrder, type OrderInput } from './orders';
import { takePayment, type PaymentInput } from './payments';

/**
 * A counter sale in one action: the order is placed, its stock held, each tender taken
 * (split tender is several), and the goods handed over. The tenders must cover the total
 * exactly, cash change aside; anything wrong and nothing is written.
 */
export async function checkout(
  ctx: ServiceContext,
  input: Omit<OrderInput, 'channel' | 'shipping'> & { tenders: PaymentInput[] },
): Promise<Order> {
  const { id, total } = await placeOrder(ctx, { ...input, channel: 'counter', shipping: null, confirm: true });
  const tendered = input.tenders.reduce((sum, t) => sum + t.amount, 0);
  if (tendered !== total) {
    throw new AppError('VALIDATION', `The tenders come to ${tendered} but the total is ${total}`, {
      issues: [{ path: 'tenders', message: `Must come to ${total}` }],
      total,
      tendered,
    });
  }
  for (const [i, tender] of input.tenders.entries()) {
    try {
      await takePayment(ctx, id, tender);
    } catch (error) {
      throw prefixIssues(error, `tenders.${i}`);
    }
  }
  await handOver(ctx, id);
  return getOrder(ctx, id);
}

/** Points a payment's field errors at the tender they came from. */
function prefixIssues(error: unknown, prefix: string): unknown {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION') return error;
  const details = error.details as { issues?: Array<{ path: string; message: string }> } | undefined;
  if (!details?.issues) return error;
  return new AppError(error.code, error.message, {
    ...details,
    issues: details.issues.map((issue) => ({ ...issue, path: `${prefix}.${issue.path}` })),
  });
}
