import type { GridApi } from 'ag-grid-community';
import { Columns3 } from 'lucide-react';
import { useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { Dropdown } from './Dropdown';

/** Which of the grid's columns show (AG Grid community has no column menu for it), and back to the default layout. */
export function ColumnChooser<T>({ api, onReset }: { api: GridApi<T> | null; onReset(): void }) {
  const { t } = useTranslation();
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const columns = api?.getColumns() ?? [];
  return (
    <Dropdown
      summary={
        <>
          <Columns3 size={14} aria-hidden="true" /> {t('orders.columnsMenu')}
        </>
      }
      label={t('orders.columnsMenu')}
      alignEnd
    >
      {columns.map((column) => (
        <label key={column.getColId()} className="checkbox">
          <input
            type="checkbox"
            checked={column.isVisible()}
            onChange={(e) => {
              api?.setColumnsVisible([column.getColId()], e.target.checked);
              refresh();
            }}
          />
          {column.getColDef().headerName}
        </label>
      ))}
      <button type="button" className="button button--small" onClick={onReset}>
        {t('orders.resetLayout')}
      </button>
    </Dropdown>
  );
}
