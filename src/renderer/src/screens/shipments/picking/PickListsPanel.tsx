import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PICK_LIST_STATUSES, type PickListStatus, type PickListSummary } from '../../../../../shared/domain/picking';
import { useApi } from '../../../api/ApiContext';
import { errorText } from '../../../components/form-errors';
import { formatDateTime } from '../../../components/formatting';
import { Notice } from '../../../components/Notice';
import { PanelToolbar } from '../../../components/PanelToolbar';
import { StatusBadge } from '../../../components/StatusBadge';
import { go, useHashPath } from '../../../components/useHashPath';
import { NewPickList } from './NewPickList';
import { PickListDetail } from './PickListDetail';
import './picking.css';

/** #/shipments/pick: the pick lists, open ones first; #/shipments/pick/<id>: one of them. */
export function PickListsPanel() {
  const [, , id] = useHashPath();
  return id ? <PickListDetail key={id} id={id} /> : <PickListsTable />;
}

function PickListsTable() {
  const { t } = useTranslation();
  const { client, user } = useApi();
  const mayPick = user?.role !== 'clerk';
  const [status, setStatus] = useState<PickListStatus | ''>('open');
  const [lists, setLists] = useState<PickListSummary[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const reload = useCallback(() => {
    client.pickLists.list(status ? { status } : {}).then(setLists, (error: unknown) => setFailure(errorText(error, t)));
  }, [client, status, t]);
  useEffect(reload, [reload]);

  return (
    <section className="panel" aria-label={t('picking.lists.title')}>
      <PanelToolbar title={t('picking.lists.title')}>
        <div className="toolbar">
          <label className="toolbar__field">
            <span>{t('picking.lists.show')}</span>
            <select value={status} onChange={(e) => setStatus(e.target.value as PickListStatus | '')}>
              {PICK_LIST_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`picking.lists.statuses.${s}`)}
                </option>
              ))}
              <option value="">{t('picking.lists.all')}</option>
            </select>
          </label>
          {mayPick && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setCreating(true)}
              disabled={creating}
            >
              {t('picking.lists.create')}
            </button>
          )}
        </div>
      </PanelToolbar>
      {failure && <Notice kind="error">{failure}</Notice>}
      {creating && (
        <NewPickList onCancel={() => setCreating(false)} onCreated={(created) => go('shipments', 'pick', created)} />
      )}
      {lists && lists.length === 0 && <p className="muted">{t('picking.lists.none')}</p>}
      {lists && lists.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('picking.lists.number')}</th>
              <th scope="col">{t('picking.lists.warehouse')}</th>
              <th scope="col">{t('picking.lists.status')}</th>
              <th scope="col" className="num">
                {t('picking.lists.orders')}
              </th>
              <th scope="col" className="num">
                {t('picking.lists.lines')}
              </th>
              <th scope="col">{t('picking.lists.progress')}</th>
              <th scope="col" className="num">
                {t('picking.lists.short')}
              </th>
              <th scope="col">{t('picking.lists.created')}</th>
            </tr>
          </thead>
          <tbody>
            {lists.map((list) => (
              <tr key={list.id} className="is-link" onClick={() => go('shipments', 'pick', list.id)}>
                <td className="mono">
                  <a href={`#/shipments/pick/${list.id}`}>{list.number}</a>
                </td>
                <td className="mono">{list.warehouseCode}</td>
                <td>
                  <StatusBadge status={list.status} label={t(`picking.lists.statuses.${list.status}`)} />
                </td>
                <td className="num">{list.orderCount}</td>
                <td className="num">{list.lineCount}</td>
                <td>
                  <span className="pick-progress">
                    <progress max={Math.max(list.units, 1)} value={list.picked} />
                    <span className="num">
                      {list.picked} / {list.units}
                    </span>
                  </span>
                </td>
                <td className={list.shortLines > 0 ? 'num is-negative' : 'num'}>{list.shortLines}</td>
                <td>{formatDateTime(list.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
