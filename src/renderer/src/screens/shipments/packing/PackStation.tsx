import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackingOrder, PickList } from '../../../../../shared/domain/picking';
import type { Client } from '../../../../../shared/client';
import { AppError } from '../../../../../shared/errors';
import { useApi } from '../../../api/ApiContext';
import { errorText } from '../../../components/form-errors';
import { playTone } from '../../../components/feedback-sound';
import { Notice } from '../../../components/Notice';
import { StatusBadge } from '../../../components/StatusBadge';
import { go, useHashPath } from '../../../components/useHashPath';
import { useBarcodeScanner } from '../../../components/useBarcodeScanner';
import { OpenPackage } from './OpenPackage';
import { PackedPackages } from './PackedPackages';
import './packing.css';

type Feedback = { kind: 'error' | 'success' | 'info'; text: string };

/**
 * #/shipments/pack[/<order number>]: one big scan field that keeps the focus. An order
 * number opens the order, a pick list number offers its orders by tote, anything else is
 * an item for the open package; a wrong item or one too many is refused in red, with a
 * low tone, and changes nothing.
 */
export function PackStation() {
  const { t } = useTranslation();
  const { client } = useApi();
  const [, , wanted] = useHashPath();
  const [order, setOrder] = useState<PackingOrder | null>(null);
  const [pickList, setPickList] = useState<PickList | null>(null);
  const [code, setCode] = useState('');
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const scanField = useRef<HTMLInputElement>(null);
  // The address's document already shown, so the address following what was scanned does not load it again.
  const shown = useRef<string | undefined>(undefined);

  const refocus = useCallback(() => scanField.current?.focus(), []);
  const refuse = useCallback((text: string) => {
    playTone('error');
    setFeedback({ kind: 'error', text });
  }, []);

  const show = useCallback(
    (found: Found) => {
      if (found.kind === 'order') {
        setOrder(found.order);
        setFeedback(null);
        shown.current = found.order.number;
        if (wanted !== found.order.number) go('shipments', 'pack', found.order.number);
      } else {
        setPickList(found.pickList);
        setOrder(null);
        playTone('ok');
        setFeedback(null);
        if (wanted) go('shipments', 'pack');
      }
    },
    [wanted],
  );

  /** Opens an order, or else a pick list, by what was scanned; false when it is neither. */
  const openDocument = useCallback(
    async (scanned: string): Promise<boolean> => {
      const found = await findDocument(client, scanned);
      if (found) show(found);
      return found !== null;
    },
    [client, show],
  );

  useEffect(() => {
    if (wanted === shown.current) return;
    shown.current = wanted;
    if (!wanted) return;
    findDocument(client, wanted).then(
      (found) => (found ? show(found) : refuse(t('picking.pack.notFound', { code: wanted }))),
      (error: unknown) => refuse(errorText(error, t)),
    );
  }, [wanted, client, show, refuse, t]);

  const handle = useCallback(
    async (scanned: string) => {
      try {
        if (order) {
          try {
            const next = await client.packing.scan({ order: order.orderId, code: scanned });
            setOrder(next);
            playTone('ok');
            const line = next.lines.find((l) => l.barcode === scanned || l.sku === scanned);
            setFeedback({
              kind: 'success',
              text: next.lines.every((l) => l.toPack === 0)
                ? `${t('picking.pack.added', { sku: line?.sku ?? scanned })} · ${t('picking.pack.allPacked')}`
                : t('picking.pack.added', { sku: line?.sku ?? scanned }),
            });
            return;
          } catch (error) {
            // An unknown code may be the next order's number or a pick list.
            if (!(isRefusal(error, 'not_on_order') && refusalSku(error) === null && (await openDocument(scanned)))) {
              refuse(packRefusal(error, scanned, order, t));
            }
            return;
          }
        }
        if (!(await openDocument(scanned))) refuse(t('picking.pack.notFound', { code: scanned }));
      } catch (error) {
        refuse(errorText(error, t));
      } finally {
        refocus();
      }
    },
    [client, order, openDocument, refuse, refocus, t],
  );
  useBarcodeScanner((scanned) => void handle(scanned));

  async function onKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || !code.trim()) return;
    event.preventDefault();
    const scanned = code.trim();
    setCode('');
    await handle(scanned);
  }

  const chooseOrder = (orderNumber: string) => {
    void openDocument(orderNumber).finally(refocus);
  };

  return (
    <div className="pack-station">
      <div className="pack-station__scan">
        <input
          ref={scanField}
          className="pack-station__input"
          aria-label={t('picking.pack.scan')}
          placeholder={t('picking.pack.scan')}
          value={code}
          autoFocus
          onChange={(e) => setCode(e.target.value)}
          onKeyDown={(e) => void onKey(e)}
          onBlur={(e) => {
            // Keep the scanner's keys here unless the person moved on to another field on purpose.
            if (!e.relatedTarget) setTimeout(refocus, 0);
          }}
        />
        <p className="muted">{t('picking.pack.scanHint')}</p>
      </div>
      <div
        aria-live="polite"
        className={feedback?.kind === 'error' ? 'pack-station__feedback is-refused' : 'pack-station__feedback'}
      >
        {feedback && <Notice kind={feedback.kind}>{feedback.text}</Notice>}
      </div>
      {pickList && (
        <section className="panel" aria-label={t('picking.pack.pickList', { number: pickList.number })}>
          <h2>{t('picking.pack.pickList', { number: pickList.number })}</h2>
          <div className="pack-station__totes">
            {pickList.orders
              .filter((o) => !o.withdrawn)
              .map((o) => (
                <button
                  key={o.orderId}
                  type="button"
                  className={o.orderId === order?.orderId ? 'button button--primary' : 'button'}
                  onClick={() => chooseOrder(o.number)}
                >
                  <span className="tote">{t('picking.pack.tote', { tote: o.tote })}</span>
                  <span className="mono">{o.number}</span>
                  <span className="muted">{t(`orders.fulfilmentStatuses.${o.fulfilmentStatus}`)}</span>
                </button>
              ))}
          </div>
        </section>
      )}
      {!order && !pickList && <p className="muted">{t('picking.pack.nothing')}</p>}
      {order && (
        <div className="pack-station__order">
          <section className="panel" aria-label={t('picking.pack.order', { number: order.number })}>
            <div className="panel__toolbar">
              <h2>
                <a href={`#/orders/${order.orderId}`} className="mono">
                  {t('picking.pack.order', { number: order.number })}
                </a>
              </h2>
              <StatusBadge
                status={order.fulfilmentStatus}
                label={t(`orders.fulfilmentStatuses.${order.fulfilmentStatus}`)}
              />
            </div>
            <dl className="facts">
              <dt>{t('picking.pack.customer')}</dt>
              <dd>{order.customerName}</dd>
              {order.shippingMethod && (
                <>
                  <dt>{t('picking.pack.shipping')}</dt>
                  <dd>{order.shippingMethod}</dd>
                </>
              )}
            </dl>
            <table className="table table--compact pack-lines">
              <thead>
                <tr>
                  <th scope="col">{t('picking.pack.sku')}</th>
                  <th scope="col">{t('picking.pack.name')}</th>
                  <th scope="col" className="num">
                    {t('picking.pack.ordered')}
                  </th>
                  <th scope="col" className="num">
                    {t('picking.pack.packed')}
                  </th>
                  <th scope="col" className="num">
                    {t('picking.pack.toPack')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {order.lines.map((line) => (
                  <tr key={line.orderLineId} className={line.toPack === 0 ? 'is-done' : undefined}>
                    <td className="mono">{line.sku}</td>
                    <td>{line.name}</td>
                    <td className="num">{line.ordered}</td>
                    <td className="num">{line.packed + line.shipped}</td>
                    <td className="num pack-lines__left">{line.toPack}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <div className="detail__side">
            <OpenPackage
              order={order}
              onChange={(next, done) => {
                setOrder(next);
                setFeedback(done ? { kind: 'success', text: done } : null);
                refocus();
              }}
              onRefused={(text) => {
                refuse(text);
              }}
            />
            <PackedPackages packages={order.packages} />
          </div>
        </div>
      )}
    </div>
  );
}

type Found = { kind: 'order'; order: PackingOrder } | { kind: 'pickList'; pickList: PickList };

/** What a scanned number is: an order, else a pick list, else nothing known. */
async function findDocument(client: Client, code: string): Promise<Found | null> {
  try {
    return { kind: 'order', order: await client.packing.order({ order: code }) };
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
  }
  try {
    return { kind: 'pickList', pickList: await client.pickLists.get({ id: code }) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

function refusalDetails(error: unknown): { reason?: string; sku?: string | null } {
  return error instanceof AppError && error.code === 'CONFLICT'
    ? ((error.details ?? {}) as { reason?: string; sku?: string | null })
    : {};
}

function isRefusal(error: unknown, reason: string): boolean {
  return refusalDetails(error).reason === reason;
}

function refusalSku(error: unknown): string | null {
  return refusalDetails(error).sku ?? null;
}

/** A refused item in words: not on the order, one too many, or an order that cannot be packed. */
function packRefusal(error: unknown, code: string, order: PackingOrder, t: TFunction): string {
  if (isRefusal(error, 'not_on_order')) return t('picking.pack.notOnOrder', { code });
  if (isRefusal(error, 'too_many')) return t('picking.pack.tooMany', { sku: refusalSku(error) ?? code });
  if (error instanceof AppError && error.code === 'INVALID_STATE') {
    return t('picking.pack.notPackable', { number: order.number });
  }
  return errorText(error, t);
}
