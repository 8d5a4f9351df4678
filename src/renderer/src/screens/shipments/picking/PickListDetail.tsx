import type { TFunction } from 'i18next';
import { ArrowLeft } from 'lucide-react';
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SHORT_REASONS,
  compareBinCodes,
  type PickList,
  type PickListLine,
  type ShortReason,
} from '../../../../../shared/domain/picking';
import { AppError } from '../../../../../shared/errors';
import { useApi } from '../../../api/ApiContext';
import { errorText } from '../../../components/form-errors';
import { playTone } from '../../../components/feedback-sound';
import { formatDateTime } from '../../../components/formatting';
import { Notice } from '../../../components/Notice';
import { StatusBadge } from '../../../components/StatusBadge';
import { useBarcodeScanner } from '../../../components/useBarcodeScanner';
import { PrintButton } from '../../printing/PrintButton';

type Feedback = { kind: 'error' | 'success' | 'info'; text: string };

/** One pick list: the walk, line by line, counted up by scanning; printable as a paper list. */
export function PickListDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { client, user } = useApi();
  const mayPick = user?.role !== 'clerk';
  const [list, setList] = useState<PickList | null>(null);
  const [bin, setBin] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [lastLine, setLastLine] = useState<string | null>(null);

  useEffect(() => {
    client.pickLists
      .get({ id })
      .then(setList, (error: unknown) => setFeedback({ kind: 'error', text: errorText(error, t) }));
  }, [client, id, t]);

  const refuse = useCallback(
    (text: string) => {
      playTone('error');
      setFeedback({ kind: 'error', text });
    },
    [setFeedback],
  );

  const scan = useCallback(
    async (scanned: string) => {
      if (!list) return;
      const asBin = list.lines.find((l) => compareBinCodes(l.locationCode, scanned) === 0);
      if (asBin) {
        setBin(asBin.locationCode);
        playTone('ok');
        setFeedback({ kind: 'info', text: t('picking.detail.binSet', { bin: asBin.locationCode }) });
        return;
      }
      try {
        const result = await client.pickLists.scan({ id: list.id, code: scanned, locationCode: bin ?? undefined });
        const line = result.pickList.lines.find((l) => l.id === result.lineId)!;
        setList(result.pickList);
        setLastLine(line.id);
        playTone('ok');
        setFeedback({
          kind: 'success',
          text: t('picking.detail.scanned', { sku: line.sku, bin: line.locationCode, tote: result.tote }),
        });
      } catch (error) {
        refuse(scanRefusal(error, scanned, bin, t));
      }
    },
    [client, list, bin, t, refuse],
  );
  const open = list?.status === 'open';
  useBarcodeScanner((scanned) => void scan(scanned), open && mayPick);

  async function onCodeKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || !code.trim()) return;
    event.preventDefault();
    await scan(code.trim());
    setCode('');
  }

  async function run(action: () => Promise<PickList>, done?: string) {
    try {
      setList(await action());
      setFeedback(done ? { kind: 'success', text: done } : null);
    } catch (error) {
      const unfinished = error instanceof AppError && error.code === 'INVALID_STATE' && list?.status === 'open';
      refuse(unfinished ? t('picking.detail.notFinished') : errorText(error, t));
    }
  }

  if (!list)
    return feedback ? <Notice kind="error">{feedback.text}</Notice> : <p className="muted">{t('common.loading')}</p>;
  const next = list.lines.find((l) => l.picked < l.quantity && l.shortReason === null);

  return (
    <div className="detail pick-list">
      <div className="detail__header">
        <a href="#/shipments/pick" className="button button--ghost no-print">
          <ArrowLeft size={14} aria-hidden="true" />
          {t('picking.detail.back')}
        </a>
        <h2>
          {list.number} · <span className="mono">{list.warehouseCode}</span>
        </h2>
        <StatusBadge status={list.status} label={t(`picking.lists.statuses.${list.status}`)} />
        <span className="pick-progress">
          <progress max={Math.max(list.units, 1)} value={list.picked} aria-label={t('picking.lists.progress')} />
          <span>{t('picking.detail.progress', { picked: list.picked, units: list.units })}</span>
        </span>
        <span className="toolbar__spacer" />
        <PrintButton
          kinds={['pick-list']}
          ids={[list.id]}
          label={t('printing.print')}
          title={t('printing.preview.titlePickList', { number: list.number })}
          className="button no-print"
        />
        {open && mayPick && (
          <>
            <button
              type="button"
              className="button button--primary no-print"
              onClick={() => void run(() => client.pickLists.complete({ id: list.id }), t('picking.detail.completed'))}
            >
              {t('picking.detail.complete')}
            </button>
            <button
              type="button"
              className="button button--danger no-print"
              onClick={() => void run(() => client.pickLists.cancel({ id: list.id }))}
            >
              {t('picking.detail.cancel')}
            </button>
          </>
        )}
      </div>
      <p className="print-only">{t('picking.detail.printedBy', { at: formatDateTime(new Date().toISOString()) })}</p>
      {feedback && (
        <div className="no-print pick-list__feedback">
          <Notice kind={feedback.kind}>{feedback.text}</Notice>
        </div>
      )}
      {open && mayPick && (
        <section className="panel no-print" aria-label={t('picking.detail.code')}>
          <p className="muted pick-list__hint">{t('picking.detail.scanHint')}</p>
          <div className="toolbar">
            <span className="toolbar__field">
              <span>{t('picking.detail.bin')}</span>
              <strong className="mono">{bin ?? t('picking.detail.anyBin')}</strong>
            </span>
            <input
              aria-label={t('picking.detail.code')}
              placeholder={t('picking.detail.code')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              onKeyDown={(e) => void onCodeKey(e)}
            />
          </div>
        </section>
      )}
      <section className="panel" aria-label={t('picking.detail.walk')}>
        <h2>{t('picking.detail.walk')}</h2>
        <table className="table table--compact pick-lines">
          <thead>
            <tr>
              <th scope="col">{t('picking.detail.done')}</th>
              <th scope="col" className="num">
                {t('picking.detail.seq')}
              </th>
              <th scope="col">{t('picking.detail.location')}</th>
              <th scope="col">{t('picking.detail.sku')}</th>
              <th scope="col">{t('picking.detail.name')}</th>
              <th scope="col" className="num">
                {t('picking.detail.quantity')}
              </th>
              <th scope="col" className="num">
                {t('picking.detail.picked')}
              </th>
              <th scope="col">{t('picking.detail.totes')}</th>
              <th scope="col">{t('picking.detail.shortReason')}</th>
            </tr>
          </thead>
          <tbody>
            {list.lines.map((line) => (
              <PickLineRow
                key={line.id}
                line={line}
                editable={open && mayPick}
                state={line.id === lastLine ? 'last' : line.id === next?.id ? 'next' : undefined}
                onPicked={(quantity) =>
                  void run(() => client.pickLists.setPicked({ id: list.id, lineId: line.id, quantity }))
                }
                onShort={(reason) => void run(() => client.pickLists.short({ id: list.id, lineId: line.id, reason }))}
              />
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-label={t('picking.detail.ordersTitle')}>
        <h2>{t('picking.detail.ordersTitle')}</h2>
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('picking.detail.toteColumn')}</th>
              <th scope="col">{t('picking.detail.order')}</th>
              <th scope="col">{t('picking.detail.customer')}</th>
              <th scope="col">{t('picking.detail.fulfilment')}</th>
              <th scope="col" className="no-print" />
            </tr>
          </thead>
          <tbody>
            {list.orders.map((order) => (
              <tr key={order.orderId} className={order.withdrawn ? 'is-done' : undefined}>
                <td>
                  <span className="tote">{order.tote}</span>
                </td>
                <td className="mono">
                  <a href={`#/orders/${order.orderId}`}>{order.number}</a>
                </td>
                <td>{order.customerName}</td>
                <td>
                  {order.withdrawn
                    ? t('picking.detail.withdrawn')
                    : t(`orders.fulfilmentStatuses.${order.fulfilmentStatus}`)}
                </td>
                <td className="no-print">
                  {!order.withdrawn && (
                    <a className="button button--small" href={`#/shipments/pack/${encodeURIComponent(order.number)}`}>
                      {t('picking.detail.pack')}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function PickLineRow({
  line,
  editable,
  state,
  onPicked,
  onShort,
}: {
  line: PickListLine;
  editable: boolean;
  state: 'last' | 'next' | undefined;
  onPicked(quantity: number): void;
  onShort(reason: ShortReason): void;
}) {
  const { t } = useTranslation();
  const full = line.picked === line.quantity;
  const classes = [full ? 'is-done' : '', state ? `is-${state}` : '', line.shortReason ? 'is-short' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <tr className={classes || undefined}>
      <td>
        <input
          type="checkbox"
          aria-label={t('picking.detail.pickedLine', { sku: line.sku, bin: line.locationCode })}
          checked={full}
          disabled={!editable}
          onChange={(e) => onPicked(e.target.checked ? line.quantity : 0)}
        />
      </td>
      <td className="num">{line.seq}</td>
      <td className="mono pick-lines__bin">{line.locationCode}</td>
      <td className="mono">{line.sku}</td>
      <td>{line.name}</td>
      <td className="num pick-lines__qty">{line.quantity}</td>
      <td className="num">{line.picked}</td>
      <td>
        {line.orders.map((o) => (
          <span key={o.orderId} className="tote" title={o.number}>
            {t('picking.detail.toteShare', { tote: o.tote, quantity: o.quantity })}
          </span>
        ))}
      </td>
      <td>
        {editable && !full ? (
          <select
            aria-label={t('picking.detail.shortFor', { sku: line.sku, bin: line.locationCode })}
            value={line.shortReason ?? ''}
            onChange={(e) => {
              // A scan into a focused list would pick another reason by type-ahead.
              e.currentTarget.blur();
              if (e.target.value) onShort(e.target.value as ShortReason);
            }}
          >
            <option value="">{t('picking.detail.noShort')}</option>
            {SHORT_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {t(`picking.detail.reasons.${reason}`)}
              </option>
            ))}
          </select>
        ) : line.shortReason ? (
          <span className="is-negative">{t(`picking.detail.reasons.${line.shortReason}`)}</span>
        ) : null}
      </td>
    </tr>
  );
}

/** A refused scan in words: not on the list, not in this bin, one too many, or an unknown code. */
function scanRefusal(error: unknown, code: string, bin: string | null, t: TFunction): string {
  if (!(error instanceof AppError)) return t('errors.INTERNAL');
  const details = (error.details ?? {}) as { reason?: string; sku?: string; asked?: number };
  if (error.code === 'NOT_FOUND') return t('picking.detail.unknown', { code });
  if (details.reason === 'over_pick') return t('picking.detail.overPick', { sku: details.sku, asked: details.asked });
  if (details.reason === 'wrong_bin') return t('picking.detail.notInBin', { sku: details.sku, bin });
  if (details.reason === 'not_on_list') return t('picking.detail.notOnList', { code });
  return errorText(error, t);
}
