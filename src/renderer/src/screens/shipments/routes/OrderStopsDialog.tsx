import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderCandidate } from '../../../../../shared/domain/delivery-routes';
import { useApi } from '../../../api/ApiContext';
import { errorText } from '../../../components/form-errors';
import { Notice } from '../../../components/Notice';
import { formatKg } from './units';

/** Picks confirmed orders still to deliver and adds them as the day's stops. */
export function OrderStopsDialog({
  day,
  onDone,
}: {
  day: { warehouseId: string; date: string };
  onDone: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const { client } = useApi();
  const dialog = useRef<HTMLDialogElement>(null);
  const [candidates, setCandidates] = useState<OrderCandidate[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    client.routes.orderCandidates(day).then(
      (found) => {
        setCandidates(found);
        setChosen(new Set(found.filter((c) => c.local && !c.planned).map((c) => c.orderId)));
      },
      (error: unknown) => setFailure(errorText(error, t)),
    );
  }, [client, day, t]);

  async function add() {
    try {
      await client.routes.addOrderStops({ ...day, orderIds: [...chosen] });
      onDone(true);
    } catch (error) {
      setFailure(errorText(error, t));
    }
  }

  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };

  return (
    <dialog ref={dialog} className="routes__dialog" onClose={() => onDone(false)} aria-labelledby="order-stops-title">
      <h2 id="order-stops-title">{t('routes.orders.title')}</h2>
      {failure && <Notice kind="error">{failure}</Notice>}
      <p className="field__hint">{t('routes.orders.hint')}</p>
      {candidates?.length === 0 && <p className="muted">{t('routes.orders.none')}</p>}
      {candidates && candidates.length > 0 && (
        <div className="routes__dialog-list">
          <table className="table table--compact">
            <tbody>
              {candidates.map((c) => (
                <tr key={c.orderId}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={c.number}
                      checked={chosen.has(c.orderId)}
                      disabled={c.planned}
                      onChange={() => toggle(c.orderId)}
                    />
                  </td>
                  <td className="mono">{c.number}</td>
                  <td>
                    {c.customerName}
                    <div className="muted">{c.address}</div>
                  </td>
                  <td>{c.local ? t('routes.orders.local') : c.shippingMethod}</td>
                  <td className="num">{formatKg(c.weightGrams)}</td>
                  <td className="muted">{c.planned ? t('routes.orders.already') : (c.promisedDate ?? '')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={!chosen.size} onClick={() => void add()}>
          {t('routes.orders.add', { count: chosen.size })}
        </button>
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          {t('routes.orders.close')}
        </button>
      </div>
    </dialog>
  );
}
