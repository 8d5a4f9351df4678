import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../../shared/contract';
import { RETURN_STATUSES, type ReturnStatus } from '../../../../../shared/domain/returns';
import { formatMoney } from '../../../../../shared/money';
import { useApi } from '../../../api/ApiContext';
import { SelectField } from '../../../components/Field';
import { errorText } from '../../../components/form-errors';
import { formatDateTime } from '../../../components/formatting';
import { Notice } from '../../../components/Notice';
import { PanelToolbar } from '../../../components/PanelToolbar';
import { StatusBadge } from '../../../components/StatusBadge';
import { go } from '../../../components/useHashPath';
import { NewReturn } from './NewReturn';
import { ReturnDetail } from './ReturnDetail';

type Row = OutputOf<'returns.list'>['rows'][number];

/** #/orders/returns: the list; /new opens a return (of the order named after it); /<id> is one return and its next step. */
export function ReturnsPanel({ id, orderNumber }: { id?: string; orderNumber?: string }) {
  if (id === 'new') return <NewReturn orderNumber={orderNumber} />;
  if (id) return <ReturnDetail key={id} id={id} />;
  return <ReturnsList />;
}

function ReturnsList() {
  const { t, i18n } = useTranslation();
  const { client } = useApi();
  const [status, setStatus] = useState<ReturnStatus | ''>('');
  const [page, setPage] = useState<{ rows: Row[]; total: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(() => {
    client.returns
      .list({ status: status || undefined, limit: 200 })
      .then(setPage, (error: unknown) => setFailure(errorText(error, t)));
  }, [client, status, t]);
  useEffect(load, [load]);

  return (
    <section className="panel" aria-label={t('returns.title')}>
      <PanelToolbar
        title={t('returns.title')}
        action={{ label: t('returns.new'), onClick: () => go('orders', 'returns', 'new') }}
      >
        <SelectField
          label={t('returns.filterStatus')}
          value={status}
          onChange={(event) => setStatus(event.target.value as ReturnStatus | '')}
          options={[
            { value: '', label: t('returns.allStatuses') },
            ...RETURN_STATUSES.map((s) => ({ value: s, label: t(`returns.status.${s}`) })),
          ]}
        />
      </PanelToolbar>
      {failure && <Notice kind="error">{failure}</Notice>}
      {page && page.rows.length === 0 ? (
        <p className="muted">{t('returns.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('returns.columns.number')}</th>
              <th scope="col">{t('returns.columns.customer')}</th>
              <th scope="col">{t('returns.columns.status')}</th>
              <th scope="col" className="num">
                {t('returns.columns.value')}
              </th>
              <th scope="col">{t('returns.columns.created')}</th>
            </tr>
          </thead>
          <tbody>
            {page?.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <a href={`#/orders/returns/${row.id}`}>{row.number}</a>
                </td>
                <td>{row.customerName}</td>
                <td>
                  <StatusBadge status={row.status} label={t(`returns.status.${row.status}`)} />
                </td>
                <td className="num">{formatMoney(row.linesTotal, row.currency, i18n.language)}</td>
                <td>{formatDateTime(row.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
