import { ArrowLeft } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_DOCUMENT_KINDS } from '../../../../shared/domain/documents';
import type { Order, OrderAddress } from '../../../../shared/domain/orders';
import { formatMoney } from '../../../../shared/money';
import { useApi } from '../../api/ApiContext';
import { errorText } from '../../components/form-errors';
import { formatDateTime } from '../../components/formatting';
import { Notice } from '../../components/Notice';
import { StatusBadge } from '../../components/StatusBadge';
import { RateComparison } from '../shipping-rates/RateComparison';
import { PrintButton } from '../printing/PrintButton';
import { OrderActions } from './OrderActions';
import { PricedRows } from './PricedRows';
import { OrderTimeline, type OrderEvent } from './OrderTimeline';
import { OrderShipments } from '../shipments/list/OrderShipments';

function Address({ address }: { address: OrderAddress }) {
  return (
    <address className="order-address">
      {address.recipient}
      {address.phone && ` · ${address.phone}`}
      <br />
      {address.line1}
      {address.line2 && `, ${address.line2}`}
      <br />
      {[address.postalCode, address.city, address.region].filter(Boolean).join(' ')} · {address.country}
    </address>
  );
}

/** One order: its state and actions, lines, totals, addresses, payments and what happened to it. */
export function OrderDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { client } = useApi();
  const [order, setOrder] = useState<Order | null>(null);
  const [events, setEvents] = useState<OrderEvent[]>([]);
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const load = useCallback(() => {
    Promise.all([client.orders.get({ id }), client.orders.timeline({ id })]).then(
      ([loaded, timeline]) => {
        setOrder(loaded);
        setEvents(timeline);
      },
      (error: unknown) => setNotice({ kind: 'error', text: errorText(error, t) }),
    );
  }, [client, id, t]);
  useEffect(load, [load]);

  if (!order)
    return notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : <p className="muted">{t('common.loading')}</p>;
  const money = (minor: number) => formatMoney(minor, order.currency, i18n.language);
  const facts: Array<[string, string | null]> = [
    [t('orders.detail.channel'), t(`orders.channels.${order.channel}`)],
    [t('orders.detail.placed'), formatDateTime(order.placedAt)],
    [t('orders.detail.confirmedAt'), formatDateTime(order.confirmedAt)],
    [t('orders.detail.completedAt'), formatDateTime(order.completedAt)],
    [t('orders.detail.cancelledAt'), formatDateTime(order.cancelledAt)],
    [t('orders.detail.promised'), order.promisedDate],
  ];

  return (
    <div className="detail order-page">
      <div className="detail__header">
        <a href="#/orders" className="button button--ghost">
          <ArrowLeft size={14} aria-hidden="true" />
          {t('orders.detail.back')}
        </a>
        <h2 className="mono">{order.number}</h2>
        <StatusBadge status={order.status} label={t(`orders.statuses.${order.status}`)} />
        <StatusBadge status={order.paymentStatus} label={t(`orders.paymentStatuses.${order.paymentStatus}`)} />
        <StatusBadge status={order.fulfilmentStatus} label={t(`orders.fulfilmentStatuses.${order.fulfilmentStatus}`)} />
        <span className="toolbar__spacer" />
        <PrintButton
          kinds={ORDER_DOCUMENT_KINDS}
          ids={[order.id]}
          label={t('printing.print')}
          title={t('printing.preview.titleOne', { number: order.number })}
        />
      </div>
      <div className="detail__actions">
        <OrderActions
          order={order}
          onChanged={(updated, done) => {
            setOrder(updated);
            setNotice({ kind: 'success', text: t(`orders.actions.done.${done}`) });
            void client.orders.timeline({ id: updated.id }).then(setEvents, () => undefined);
          }}
          onError={(text) => setNotice({ kind: 'error', text })}
        />
      </div>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {order.status === 'on_hold' && (
        <Notice kind="info">{t('orders.detail.onHold', { reason: order.holdReason })}</Notice>
      )}
      <section className="panel" aria-label={t('orders.detail.customer')}>
        <dl className="order-facts">
          <div>
            <dt>{t('orders.detail.customer')}</dt>
            <dd>
              <a href={`#/customers/${order.customerId}`}>{order.customerName}</a>
            </dd>
          </div>
          {facts
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      </section>
      <div className="order-columns">
        <div className="detail__side">
          <section className="panel" aria-label={t('orders.detail.lines')}>
            <h2>{t('orders.detail.lines')}</h2>
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t('orders.detail.sku')}</th>
                  <th scope="col">{t('orders.detail.product')}</th>
                  <th scope="col" className="num">
                    {t('orders.detail.unitPrice')}
                  </th>
                  <th scope="col" className="num">
                    {t('orders.detail.quantity')}
                  </th>
                  <th scope="col" className="num">
                    {t('orders.detail.discount')}
                  </th>
                  <th scope="col" className="num">
                    {t('orders.detail.reserved')}
                  </th>
                  <th scope="col" className="num">
                    {t('orders.detail.fulfilled')}
                  </th>
                  <th scope="col" className="num">
                    {t('orders.detail.lineTotal')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {order.lines.map((line) => (
                  <tr key={line.id}>
                    <td className="mono">{line.sku}</td>
                    <td>{line.name}</td>
                    <td className="num">{money(line.unitPrice)}</td>
                    <td className="num">{line.quantity}</td>
                    <td className="num">
                      {line.lineDiscount + line.orderDiscount > 0 ? money(line.lineDiscount + line.orderDiscount) : ''}
                    </td>
                    <td className="num">{line.reservedQuantity}</td>
                    <td className="num">{line.fulfilledQuantity}</td>
                    <td className="num">{money(line.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {order.ships && order.shippingAddress && <RateComparison order={order} onChosen={load} />}
          <section className="panel" aria-label={t('orders.detail.payments')}>
            <h2>{t('orders.detail.payments')}</h2>
            {order.payments.length === 0 ? (
              <p className="muted">{t('orders.detail.noPayments')}</p>
            ) : (
              <table className="table table--compact">
                <thead>
                  <tr>
                    <th scope="col">{t('orders.detail.when')}</th>
                    <th scope="col">{t('orders.detail.kind')}</th>
                    <th scope="col">{t('orders.detail.method')}</th>
                    <th scope="col" className="num">
                      {t('orders.detail.amount')}
                    </th>
                    <th scope="col">{t('orders.detail.reference')}</th>
                  </tr>
                </thead>
                <tbody>
                  {order.payments.map((payment) => (
                    <tr key={payment.id}>
                      <td>{formatDateTime(payment.createdAt)}</td>
                      <td>{t(`orders.detail.kinds.${payment.kind}`)}</td>
                      <td>{t(`orders.methods.${payment.method}`)}</td>
                      <td className={payment.kind === 'refund' ? 'num is-negative' : 'num'}>
                        {money(payment.kind === 'refund' ? -payment.amount : payment.amount)}
                      </td>
                      <td>
                        {payment.tendered !== null
                          ? t('orders.detail.tendered', {
                              tendered: money(payment.tendered),
                              change: money(payment.changeGiven),
                            })
                          : payment.reference}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <OrderShipments order={order} onShipped={load} />
          <OrderTimeline events={events} currency={order.currency} />
        </div>
        <div className="detail__side">
          <section className="panel" aria-label={t('orders.detail.totals')}>
            <h2>{t('orders.detail.totals')}</h2>
            <table className="order-totals">
              <tbody>
                <PricedRows
                  priced={order}
                  shipping={order.ships ? { method: order.shippingMethod, total: order.shippingTotal } : null}
                  money={money}
                />
                {order.pricesIncludeTax && (
                  <tr>
                    <th scope="row" colSpan={2}>
                      {t('orders.detail.taxIncluded')}
                    </th>
                  </tr>
                )}
                <tr className="is-total">
                  <th scope="row">{t('orders.detail.paid')}</th>
                  <td>{money(order.paidTotal)}</td>
                </tr>
                {order.refundedTotal > 0 && (
                  <tr>
                    <th scope="row">{t('orders.detail.refunded')}</th>
                    <td>{money(-order.refundedTotal)}</td>
                  </tr>
                )}
                {order.balanceDue !== 0 && order.status !== 'cancelled' && (
                  <tr>
                    <th scope="row">
                      {order.balanceDue > 0 ? t('orders.detail.balanceDue') : t('orders.detail.owed')}
                    </th>
                    <td>{money(Math.abs(order.balanceDue))}</td>
                  </tr>
                )}
              </tbody>
            </table>
          </section>
          <section className="panel" aria-label={t('orders.detail.shippingAddress')}>
            <h2>{t('orders.detail.shippingAddress')}</h2>
            {order.shippingAddress ? (
              <Address address={order.shippingAddress} />
            ) : (
              <p className="muted">{t('orders.detail.notShipped')}</p>
            )}
            <h2>{t('orders.detail.billingAddress')}</h2>
            {order.billingAddress ? (
              <Address address={order.billingAddress} />
            ) : (
              <p className="muted">{t('orders.detail.noBilling')}</p>
            )}
            {order.notes && (
              <>
                <h2>{t('orders.detail.notes')}</h2>
                <p>{order.notes}</p>
              </>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
