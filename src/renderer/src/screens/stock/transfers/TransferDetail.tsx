import { ArrowLeft } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Transfer } from '../../../../../shared/contract/transfers';
import { useApi } from '../../../api/ApiContext';
import { errorText } from '../../../components/form-errors';
import { Notice } from '../../../components/Notice';
import { StatusBadge } from '../../../components/StatusBadge';

export function TransferDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { client, user } = useApi();
  const mayMove = user?.role !== 'clerk';
  const [transfer, setTransfer] = useState<Transfer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // What arrived, per line, when less than was shipped; lines left alone arrived in full.
  const [arrived, setArrived] = useState<Record<number, string>>({});

  useEffect(() => {
    client.transfers.get({ id }).then(setTransfer, (error: unknown) => setFailure(errorText(error, t)));
  }, [client, id, t]);

  async function act(action: 'ship' | 'receive' | 'cancel') {
    const received = Object.entries(arrived).map(([lineNo, quantity]) => ({
      lineNo: Number(lineNo),
      quantity: Number(quantity),
    }));
    if (received.some((r) => !Number.isInteger(r.quantity) || r.quantity < 0))
      return setFailure(t('validation.wholeNumber'));
    setBusy(true);
    try {
      setTransfer(
        action === 'receive'
          ? await client.transfers.receive({ id, received })
          : await client.transfers[action]({ id }),
      );
      setFailure(null);
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  }

  if (!transfer)
    return failure ? <Notice kind="error">{failure}</Notice> : <p className="muted">{t('common.loading')}</p>;

  return (
    <div className="detail">
      <div className="detail__header">
        <a href="#/stock/transfers" className="button button--ghost">
          <ArrowLeft size={14} aria-hidden="true" />
          {t('stock.transfers.back')}
        </a>
        <h2>
          {transfer.number} · <span className="mono">{transfer.fromWarehouseCode}</span> →{' '}
          <span className="mono">{transfer.toWarehouseCode}</span>
        </h2>
        <StatusBadge status={transfer.status} label={t(`stock.transfers.statuses.${transfer.status}`)} />
        <span className="toolbar__spacer" />
        {mayMove && transfer.status === 'draft' && (
          <>
            <button type="button" className="button button--primary" onClick={() => void act('ship')} disabled={busy}>
              {t('stock.transfers.ship')}
            </button>
            <button type="button" className="button button--danger" onClick={() => void act('cancel')}>
              {t('stock.transfers.cancel')}
            </button>
          </>
        )}
        {mayMove && transfer.status === 'in_transit' && (
          <button type="button" className="button button--primary" onClick={() => void act('receive')} disabled={busy}>
            {t('stock.transfers.receive')}
          </button>
        )}
      </div>
      {failure && <Notice kind="error">{failure}</Notice>}
      <section className="panel">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('stock.sku')}</th>
              <th scope="col">{t('stock.name')}</th>
              <th scope="col" className="num">
                {t('stock.transfers.quantity')}
              </th>
              <th scope="col" className="num">
                {t('stock.transfers.received')}
              </th>
            </tr>
          </thead>
          <tbody>
            {transfer.lines.map((line) => (
              <tr key={line.lineNo}>
                <td className="mono">{line.sku}</td>
                <td>{line.name}</td>
                <td className="num">{line.quantity}</td>
                <td className="num">
                  {transfer.status === 'received' ? (
                    line.quantityReceived
                  ) : transfer.status === 'in_transit' && mayMove ? (
                    <input
                      aria-label={`${t('stock.transfers.received')} ${line.sku}`}
                      className="input--narrow"
                      inputMode="numeric"
                      placeholder={String(line.quantity)}
                      value={arrived[line.lineNo] ?? ''}
                      onChange={(e) => setArrived({ ...arrived, [line.lineNo]: e.target.value })}
                    />
                  ) : (
                    ''
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
