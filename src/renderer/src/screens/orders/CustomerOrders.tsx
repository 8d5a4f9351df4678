import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../../../shared/domain/orders';
import { formatMoney } from '../../../../shared/money';
import { useApi } from '../../api/ApiContext';
import { formatDateTimeShort } from '../../components/formatting';
import { StatusBadge } from '../../components/StatusBadge';
import { go } from '../../components/useHashPath';
import { NO_FILTERS, saveFilters } from './order-filters';

const SHOWN = 20;

/** A customer's latest orders, each linking to its detail, and the way to all of them in the grid. */
export function CustomerOrders({ customer }: { customer: { id: string; name: string } }) {
  const { t, i18n } = useTranslation();
  const { client } = useApi();
  const [page, setPage] = useState<{ rows: OrderSummary[]; total: number } | null>(null);

  useEffect(() => {
    client.orders.list({ customerId: customer.id, limit: SHOWN }).then(setPage, () => setPage(null));
  }, [client, customer.id]);

  if (!page) return null;
  return (
    <section className="panel" aria-label={t('orders.history.title')}>
      <h2>{t('orders.history.title')}</h2>
      {page.rows.length === 0 ? (
        <p className="muted">{t('orders.history.none')}</p>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('orders.columns.number')}</th>
              <th scope="col">{t('orders.columns.placedAt')}</th>
              <th scope="col">{t('orders.columns.status')}</th>
              <th scope="col">{t('orders.columns.paymentStatus')}</th>
              <th scope="col" className="num">
                {t('orders.columns.grandTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((order) => (
              <tr key={order.id}>
                <td className="mono">
                  <a href={`#/orders/${order.id}`}>{order.number}</a>
                </td>
                <td>{formatDateTimeShort(order.placedAt)}</td>
                <td>
                  <StatusBadge status={order.status} label={t(`orders.statuses.${order.status}`)} />
                </td>
                <td>
                  <StatusBadge
                    status={order.paymentStatus}
                    label={t(`orders.paymentStatuses.${order.paymentStatus}`)}
                  />
                </td>
                <td className="num">{formatMoney(order.grandTotal, order.currency, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.total > page.rows.length && (
        <p className="muted">
          {t('orders.history.more', { shown: page.rows.length, count: page.total })}{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              saveFilters({ ...NO_FILTERS, customer });
              go('orders');
            }}
          >
            {t('orders.history.all')}
          </button>
        </p>
      )}
    </section>
  );
}
