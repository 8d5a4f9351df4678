import { ArrowLeft } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder } from '../../../../../shared/contract/purchasing';
import { AppError } from '../../../../../shared/errors';
import { formatMoney, parseMoney } from '../../../../../shared/money';
import { useApi } from '../../../api/ApiContext';
import { errorText } from '../../../components/form-errors';
import { playTone } from '../../../components/feedback-sound';
import { Notice } from '../../../components/Notice';
import { StatusBadge } from '../../../components/StatusBadge';
import { useBarcodeScanner } from '../../../components/useBarcodeScanner';

/** One purchase order: its lines, its status actions, and receiving by scan. */
export function PurchaseOrderDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { client, user, currency } = useApi();
  const [po, setPo] = useState<PurchaseOrder | null>(null);
  const [receiving, setReceiving] = useState<Record<string, string>>({});
  const [landedCost, setLandedCost] = useState('');
  const [acceptOver, setAcceptOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'error' | 'success' | 'info'; text: string } | null>(null);
  const isManager = user?.role === 'owner' || user?.role === 'manager';
  const mayReceive = isManager || user?.role === 'warehouse';
  const open = po?.status === 'ordered' || po?.status === 'partially_received';

  const load = useCallback(() => {
    client.purchaseOrders
      .get({ id })
      .then(setPo, (error: unknown) => setNotice({ kind: 'error', text: errorText(error, t) }));
  }, [client, id, t]);
  useEffect(load, [load]);

  const scan = useCallback(
    (code: string) => {
      const line = po?.lines.find((l) => l.barcode === code || l.sku === code);
      if (!line) {
        playTone('error');
        setNotice({ kind: 'error', text: t('stock.purchaseOrders.receive.unknown', { code }) });
        return;
      }
      playTone('ok');
      setReceiving((current) => ({ ...current, [line.productId]: String((Number(current[line.productId]) || 0) + 1) }));
      setNotice({ kind: 'info', text: t('stock.purchaseOrders.receive.scanned', { sku: line.sku }) });
    },
    [po, t],
  );
  useBarcodeScanner(scan, Boolean(open && mayReceive));

  async function act(action: 'order' | 'close' | 'cancel') {
    try {
      setPo(await client.purchaseOrders[action]({ id }));
      setNotice(null);
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, t) });
    }
  }

  async function post() {
    if (!po || !currency) return;
    const lines = Object.entries(receiving)
      .map(([productId, quantity]) => ({ productId, quantity: Number(quantity) }))
      .filter((l) => Number.isInteger(l.quantity) && l.quantity > 0);
    if (lines.length === 0) return setNotice({ kind: 'error', text: t('stock.purchaseOrders.receive.nothing') });
    const landed = landedCost.trim() === '' ? 0 : parseMoney(landedCost, currency);
    if (landed === null) return setNotice({ kind: 'error', text: t('validation.money') });
    setBusy(true);
    try {
      setPo(await client.purchaseOrders.receive({ id, lines, landedCost: landed, acceptOverReceipt: acceptOver }));
      setReceiving({});
      setLandedCost('');
      setNotice({ kind: 'success', text: t('stock.purchaseOrders.receive.posted') });
      playTone('ok');
    } catch (error) {
      playTone('error');
      const over =
        error instanceof AppError && (error.details as { reason?: string; sku?: string })?.reason === 'over-receipt';
      setNotice({
        kind: 'error',
        text: over
          ? t('stock.purchaseOrders.receive.over', { sku: (error.details as { sku: string }).sku })
          : errorText(error, t),
      });
    } finally {
      setBusy(false);
    }
  }

  if (!po || !currency) return <p className="muted">{t('common.loading')}</p>;
  const money = (minor: number) => formatMoney(minor, currency, i18n.language);

  return (
    <div className="detail">
      <div className="detail__header">
        <a href="#/stock/purchaseOrders" className="button button--ghost">
          <ArrowLeft size={14} aria-hidden="true" />
          {t('stock.purchaseOrders.back')}
        </a>
        <h2>
          {po.number} · {po.supplierName}
        </h2>
        <StatusBadge status={po.status} label={t(`stock.purchaseOrders.statuses.${po.status}`)} />
        <span className="toolbar__spacer" />
        {isManager && po.status === 'draft' && (
          <button type="button" className="button button--primary" onClick={() => void act('order')}>
            {t('stock.purchaseOrders.order')}
          </button>
        )}
        {isManager && po.status === 'partially_received' && (
          <button type="button" className="button" onClick={() => void act('close')}>
            {t('stock.purchaseOrders.close')}
          </button>
        )}
        {isManager && (po.status === 'draft' || po.status === 'ordered') && (
          <button type="button" className="button button--danger" onClick={() => void act('cancel')}>
            {t('stock.purchaseOrders.cancel')}
          </button>
        )}
      </div>
      <section className="panel" aria-label={t('stock.purchaseOrders.lines')}>
        <p className="muted">
          {t('stock.purchaseOrders.warehouse')}: <span className="mono">{po.warehouseCode}</span>
          {po.expectedOn && ` · ${t('stock.purchaseOrders.expectedOn')}: ${po.expectedOn}`} ·{' '}
          {t('stock.purchaseOrders.total')}: {money(po.totalCost)}
        </p>
        {open && mayReceive && <Notice kind="info">{t('stock.purchaseOrders.receive.hint')}</Notice>}
        {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('stock.sku')}</th>
              <th scope="col">{t('stock.name')}</th>
              <th scope="col" className="num">
                {t('stock.purchaseOrders.unitCost')}
              </th>
              <th scope="col" className="num">
                {t('stock.purchaseOrders.ordered')}
              </th>
              <th scope="col" className="num">
                {t('stock.purchaseOrders.received')}
              </th>
              {open && mayReceive && <th scope="col">{t('stock.purchaseOrders.receive.now')}</th>}
            </tr>
          </thead>
          <tbody>
            {po.lines.map((line) => (
              <tr key={line.id} className={line.quantityReceived >= line.quantityOrdered ? 'is-done' : undefined}>
                <td className="mono">{line.sku}</td>
                <td>{line.name}</td>
                <td className="num">{money(line.unitCost)}</td>
                <td className="num">{line.quantityOrdered}</td>
                <td className="num">{line.quantityReceived}</td>
                {open && mayReceive && (
                  <td>
                    <input
                      aria-label={`${t('stock.purchaseOrders.receive.now')} ${line.sku}`}
                      className="input--narrow"
                      inputMode="numeric"
                      value={receiving[line.productId] ?? ''}
                      onChange={(e) => setReceiving({ ...receiving, [line.productId]: e.target.value })}
                      // Enter leaves the field, so the next scan is a scan, not more digits here.
                      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {open && mayReceive && (
          <div className="receive-bar">
            <label className="toolbar__field">
              <span>{`${t('stock.purchaseOrders.receive.landedCost')} (${currency})`}</span>
              <input
                className="input--narrow"
                inputMode="decimal"
                value={landedCost}
                onChange={(e) => setLandedCost(e.target.value)}
              />
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={acceptOver} onChange={(e) => setAcceptOver(e.target.checked)} />
              {t('stock.purchaseOrders.receive.acceptOver')}
            </label>
            <span className="toolbar__spacer" />
            <button type="button" className="button button--primary" onClick={() => void post()} disabled={busy}>
              {t('stock.purchaseOrders.receive.post')}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
