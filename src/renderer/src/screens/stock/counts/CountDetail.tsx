import { ArrowLeft } from 'lucide-react';
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../../shared/contract';
import type { StockCount } from '../../../../../shared/contract/counts';
import { AppError } from '../../../../../shared/errors';
import { useApi } from '../../../api/ApiContext';
import { errorText } from '../../../components/form-errors';
import { playTone } from '../../../components/feedback-sound';
import { Notice } from '../../../components/Notice';
import { StatusBadge } from '../../../components/StatusBadge';
import { useBarcodeScanner } from '../../../components/useBarcodeScanner';

type Review = OutputOf<'counts.review'>;

/** Counting one count: pick the bin, scan, then review the variances and post them. */
export function CountDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { client, user } = useApi();
  const isManager = user?.role === 'owner' || user?.role === 'manager';
  const [count, setCount] = useState<StockCount | null>(null);
  const [binId, setBinId] = useState('');
  const [code, setCode] = useState('');
  const [review, setReview] = useState<Review | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'success' | 'info'; text: string } | null>(null);

  useEffect(() => {
    client.counts.get({ id }).then(
      (found) => {
        setCount(found);
        setBinId((current) => current || found.locations[0]?.id || '');
      },
      (error: unknown) => setNotice({ kind: 'error', text: errorText(error, t) }),
    );
  }, [client, id, t]);

  const record = useCallback(
    async (scanned: string) => {
      try {
        const next = await client.counts.record({ id, locationId: binId, code: scanned });
        setCount(next);
        setReview(null);
        playTone('ok');
        setNotice({ kind: 'info', text: t('stock.counts.recorded', { code: scanned }) });
      } catch (error) {
        playTone('error');
        const unknown = error instanceof AppError && error.code === 'NOT_FOUND';
        setNotice({
          kind: 'error',
          text: unknown ? t('stock.counts.unknown', { code: scanned }) : errorText(error, t),
        });
      }
    },
    [client, id, binId, t],
  );
  useBarcodeScanner((scanned) => void record(scanned), count?.status === 'open' && Boolean(binId));

  async function onCodeKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || !code.trim()) return;
    event.preventDefault();
    await record(code.trim());
    setCode('');
  }

  async function post() {
    try {
      const adjustments = (review ?? (await client.counts.review({ id }))).filter((r) => r.variance !== 0).length;
      setCount(await client.counts.post({ id }));
      setReview(null);
      setNotice({ kind: 'success', text: t('stock.counts.posted', { count: adjustments }) });
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, t) });
    }
  }

  async function cancel() {
    try {
      setCount(await client.counts.cancel({ id }));
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, t) });
    }
  }

  if (!count) return <p className="muted">{t('common.loading')}</p>;
  const open = count.status === 'open';
  const inBin = count.lines.filter((l) => l.locationId === binId);

  return (
    <div className="detail">
      <div className="detail__header">
        <a href="#/stock/counts" className="button button--ghost">
          <ArrowLeft size={14} aria-hidden="true" />
          {t('stock.counts.back')}
        </a>
        <h2>
          {count.number} · <span className="mono">{count.warehouseCode}</span>
        </h2>
        <StatusBadge status={count.status} label={t(`stock.counts.statuses.${count.status}`)} />
        <span className="toolbar__spacer" />
        {open && isManager && (
          <>
            <button
              type="button"
              className="button"
              onClick={() =>
                void client.counts
                  .review({ id })
                  .then(setReview, (error: unknown) => setNotice({ kind: 'error', text: errorText(error, t) }))
              }
            >
              {t('stock.counts.review')}
            </button>
            <button type="button" className="button button--primary" onClick={() => void post()}>
              {t('stock.counts.post')}
            </button>
            <button type="button" className="button button--danger" onClick={() => void cancel()}>
              {t('stock.counts.cancel')}
            </button>
          </>
        )}
      </div>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {open && (
        <section className="panel" aria-label={t('stock.counts.bin')}>
          <p className="muted">{t('stock.counts.scanHint')}</p>
          <div className="toolbar">
            <label className="toolbar__field">
              <span>{t('stock.counts.bin')}</span>
              <select
                value={binId}
                onChange={(e) => {
                  setBinId(e.target.value);
                  // A scan into a focused list would pick another bin by type-ahead.
                  e.currentTarget.blur();
                }}
              >
                {count.locations.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.code}
                  </option>
                ))}
              </select>
            </label>
            <input
              aria-label={t('stock.counts.code')}
              placeholder={t('stock.counts.code')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              onKeyDown={(e) => void onCodeKey(e)}
            />
          </div>
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('stock.sku')}</th>
                <th scope="col">{t('stock.name')}</th>
                <th scope="col" className="num">
                  {t('stock.counts.counted')}
                </th>
                {!count.blind && (
                  <th scope="col" className="num">
                    {t('stock.counts.expected')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {inBin.map((l) => (
                <tr key={l.productId}>
                  <td className="mono">{l.sku}</td>
                  <td>{l.name}</td>
                  <td className="num">{l.counted}</td>
                  {!count.blind && <td className="num">{l.expected}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {review && (
        <section className="panel" aria-label={t('stock.counts.review')}>
          <h2>{t('stock.counts.review')}</h2>
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('stock.levels.location')}</th>
                <th scope="col">{t('stock.sku')}</th>
                <th scope="col">{t('stock.name')}</th>
                <th scope="col" className="num">
                  {t('stock.counts.expected')}
                </th>
                <th scope="col" className="num">
                  {t('stock.counts.counted')}
                </th>
                <th scope="col" className="num">
                  {t('stock.counts.variance')}
                </th>
              </tr>
            </thead>
            <tbody>
              {review.map((r) => (
                <tr key={`${r.locationId}-${r.productId}`}>
                  <td className="mono">{r.locationCode}</td>
                  <td className="mono">{r.sku}</td>
                  <td>{r.name}</td>
                  <td className="num">{r.expected}</td>
                  <td className="num">
                    {r.wasCounted ? r.counted : <span className="muted">{t('stock.counts.notCounted')}</span>}
                  </td>
                  <td className={r.variance < 0 ? 'num is-negative' : r.variance > 0 ? 'num is-positive' : 'num'}>
                    {r.variance > 0 ? `+${r.variance}` : r.variance}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
