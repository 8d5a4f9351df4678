import { ArrowLeft } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Warehouse } from '../../../../../shared/domain/inventory';
import { RETURN_CONDITIONS, type Return, type ReturnCondition } from '../../../../../shared/domain/returns';
import { formatMoney, parseMoney } from '../../../../../shared/money';
import { useApi } from '../../../api/ApiContext';
import { TextField } from '../../../components/Field';
import { errorText } from '../../../components/form-errors';
import { formatDateTime } from '../../../components/formatting';
import { Notice } from '../../../components/Notice';
import { PanelToolbar } from '../../../components/PanelToolbar';
import { StatusBadge } from '../../../components/StatusBadge';
import { go } from '../../../components/useHashPath';

type Inspection = Record<string, { condition: ReturnCondition; note: string }>;
type Outcome = Record<string, { disposition: 'restock' | 'scrap'; locationId: string }>;

/** One return: its lines, and the form for its next step (receive, inspect, restock or scrap, refund). */
export function ReturnDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { client, user } = useApi();
  const [rma, setRma] = useState<Return | null>(null);
  const [warehouses, setWarehouses] = useState<Warehouse[]>([]);
  const [inspection, setInspection] = useState<Inspection>({});
  const [outcome, setOutcome] = useState<Outcome>({});
  const [refundTo, setRefundTo] = useState<'original' | 'store_credit'>('original');
  const [shipping, setShipping] = useState('');
  const [cancelReason, setCancelReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const isManager = user?.role === 'owner' || user?.role === 'manager';

  useEffect(() => {
    client.returns.get({ id }).then(setRma, (error: unknown) => setNotice(errorText(error, t)));
    client.warehouses.list({}).then(setWarehouses, () => undefined);
  }, [client, id, t]);

  const act = useCallback(
    async (work: () => Promise<Return>) => {
      setBusy(true);
      try {
        setRma(await work());
        setNotice(null);
      } catch (error) {
        setNotice(errorText(error, t));
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  if (!rma) return notice ? <Notice kind="error">{notice}</Notice> : <p className="muted">{t('common.loading')}</p>;
  const money = (minor: number) => formatMoney(minor, rma.currency, i18n.language);
  const bins = warehouses.flatMap((w) =>
    w.locations.filter((l) => l.active).map((l) => ({ value: l.id, label: `${w.code} · ${l.code}` })),
  );
  const conditionOf = (lineId: string) => inspection[lineId]?.condition ?? 'resellable';
  const outcomeOf = (lineId: string) =>
    outcome[lineId] ?? {
      disposition: rma.lines.find((l) => l.id === lineId)?.condition === 'resellable' ? 'restock' : 'scrap',
      locationId: bins[0]?.value ?? '',
    };

  return (
    <section className="panel" aria-label={rma.number}>
      <PanelToolbar title={rma.number}>
        <StatusBadge status={rma.status} label={t(`returns.status.${rma.status}`)} />
        <span className="toolbar__spacer" />
        <button type="button" className="button" onClick={() => go('orders', 'returns')}>
          <ArrowLeft size={14} aria-hidden /> {t('returns.back')}
        </button>
      </PanelToolbar>
      {notice && <Notice kind="error">{notice}</Notice>}
      <dl className="facts">
        <dt>{t('returns.detail.customer')}</dt>
        <dd>{rma.customerName}</dd>
        <dt>{t('returns.columns.created')}</dt>
        <dd>{formatDateTime(rma.createdAt)}</dd>
        <dt>{t('returns.detail.linesTotal')}</dt>
        <dd>
          {money(rma.linesTotal)} ({t('returns.detail.tax')} {money(rma.linesTax)})
        </dd>
        {rma.status === 'refunded' && (
          <>
            <dt>{t('returns.detail.refunded')}</dt>
            <dd>
              {money(rma.refundTotal)} · {t(`returns.to.${rma.refundTo ?? 'original'}`)}
            </dd>
          </>
        )}
        {rma.replacementOrderId && (
          <>
            <dt>{t('returns.detail.replacement')}</dt>
            <dd>
              <a href={`#/orders/${rma.replacementOrderId}`}>{t('returns.detail.replacement')}</a>
            </dd>
          </>
        )}
        {rma.note && (
          <>
            <dt>{t('returns.detail.note')}</dt>
            <dd>{rma.note}</dd>
          </>
        )}
      </dl>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('returns.columns.order')}</th>
            <th scope="col">{t('returns.columns.sku')}</th>
            <th scope="col">{t('returns.columns.name')}</th>
            <th scope="col" className="num">
              {t('returns.columns.quantity')}
            </th>
            <th scope="col">{t('returns.columns.reason')}</th>
            <th scope="col">{t('returns.columns.condition')}</th>
            <th scope="col">{t('returns.columns.disposition')}</th>
            <th scope="col" className="num">
              {t('returns.columns.refund')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rma.lines.map((line) => (
            <tr key={line.id}>
              <td>
                <a href={`#/orders/${line.orderId}`}>{line.orderNumber}</a>
              </td>
              <td>{line.sku}</td>
              <td>{line.name}</td>
              <td className="num">{line.quantity}</td>
              <td>{t(`returns.reasons.${line.reason}`)}</td>
              <td>
                {rma.status === 'received' ? (
                  <select
                    aria-label={`${t('returns.columns.condition')} ${line.sku}`}
                    value={conditionOf(line.id)}
                    onChange={(event) =>
                      setInspection((current) => ({
                        ...current,
                        [line.id]: {
                          note: current[line.id]?.note ?? '',
                          condition: event.target.value as ReturnCondition,
                        },
                      }))
                    }
                  >
                    {RETURN_CONDITIONS.map((c) => (
                      <option key={c} value={c}>
                        {t(`returns.conditions.${c}`)}
                      </option>
                    ))}
                  </select>
                ) : line.condition ? (
                  t(`returns.conditions.${line.condition}`)
                ) : (
                  '—'
                )}
                {line.inspectionNote && <div className="muted">{line.inspectionNote}</div>}
              </td>
              <td>
                {rma.status === 'inspected' ? (
                  <div className="cell-controls">
                    <select
                      aria-label={`${t('returns.columns.disposition')} ${line.sku}`}
                      value={outcomeOf(line.id).disposition}
                      onChange={(event) =>
                        setOutcome((current) => ({
                          ...current,
                          [line.id]: { ...outcomeOf(line.id), disposition: event.target.value as 'restock' | 'scrap' },
                        }))
                      }
                    >
                      <option value="restock">{t('returns.dispositions.restock')}</option>
                      <option value="scrap">{t('returns.dispositions.scrap')}</option>
                    </select>
                    {outcomeOf(line.id).disposition === 'restock' && (
                      <select
                        aria-label={`${t('returns.detail.location')} ${line.sku}`}
                        value={outcomeOf(line.id).locationId}
                        onChange={(event) =>
                          setOutcome((current) => ({
                            ...current,
                            [line.id]: { ...outcomeOf(line.id), locationId: event.target.value },
                          }))
                        }
                      >
                        {bins.map((b) => (
                          <option key={b.value} value={b.value}>
                            {b.label}
                          </option>
                        ))}
                      </select>
                    )}
                  </div>
                ) : line.disposition ? (
                  t(`returns.dispositions.${line.disposition}`)
                ) : (
                  '—'
                )}
              </td>
              <td className="num">{money(line.refundAmount)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {rma.status === 'requested' && (
        <div className="inline-form inline-form--row">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void act(() => client.returns.receive({ id }))}
          >
            {t('returns.detail.receive')}
          </button>
          <TextField
            label={t('returns.detail.cancelReason')}
            value={cancelReason}
            onChange={(event) => setCancelReason(event.target.value)}
          />
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void act(() => client.returns.cancel({ id, reason: cancelReason }))}
          >
            {t('returns.detail.cancelReturn')}
          </button>
        </div>
      )}
      {rma.status === 'received' && (
        <div className="inline-form">
          {rma.lines.map((line) => (
            <TextField
              key={line.id}
              label={t('returns.detail.inspectionNote', { sku: line.sku })}
              value={inspection[line.id]?.note ?? ''}
              onChange={(event) =>
                setInspection((current) => ({
                  ...current,
                  [line.id]: { condition: conditionOf(line.id), note: event.target.value },
                }))
              }
            />
          ))}
          <div className="form-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() =>
                void act(() =>
                  client.returns.inspect({
                    id,
                    lines: rma.lines.map((l) => ({
                      id: l.id,
                      condition: conditionOf(l.id),
                      note: inspection[l.id]?.note ?? '',
                    })),
                  }),
                )
              }
            >
              {t('returns.detail.inspect')}
            </button>
          </div>
        </div>
      )}
      {rma.status === 'inspected' && (
        <div className="form-actions">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() =>
              void act(() =>
                client.returns.process({
                  id,
                  lines: rma.lines.map((l) => {
                    const chosen = outcomeOf(l.id);
                    return chosen.disposition === 'restock'
                      ? { id: l.id, disposition: 'restock' as const, locationId: chosen.locationId }
                      : { id: l.id, disposition: 'scrap' as const };
                  }),
                }),
              )
            }
          >
            {t('returns.detail.process')}
          </button>
        </div>
      )}
      {rma.status === 'processed' &&
        (isManager ? (
          <div className="inline-form inline-form--row">
            <div className="field">
              <label htmlFor="refund-to">{t('returns.detail.refundTo')}</label>
              <select
                id="refund-to"
                value={refundTo}
                onChange={(event) => setRefundTo(event.target.value as 'original' | 'store_credit')}
              >
                <option value="original">{t('returns.detail.refundOriginal')}</option>
                <option value="store_credit">{t('returns.detail.refundCredit')}</option>
              </select>
            </div>
            <TextField
              label={t('returns.detail.refundShipping')}
              inputMode="decimal"
              value={shipping}
              onChange={(event) => setShipping(event.target.value)}
            />
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => {
                const shippingRefund = shipping.trim() === '' ? 0 : parseMoney(shipping, rma.currency);
                if (shippingRefund === null) return setNotice(t('validation.money'));
                void act(() => client.returns.refund({ id, to: refundTo, shippingRefund }));
              }}
            >
              {t('returns.detail.refund')} {money(rma.linesTotal)}
            </button>
          </div>
        ) : (
          <Notice kind="info">{t('returns.detail.managersOnly')}</Notice>
        ))}
      {(rma.status === 'refunded' || rma.status === 'cancelled') && <p className="muted">{t('returns.detail.done')}</p>}
    </section>
  );
}
