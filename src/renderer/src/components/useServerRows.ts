import type { GridApi, IDatasource } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

export interface PageRequest {
  offset: number;
  limit: number;
  /** The grid's sort, if a column is sorted: its column id and direction. */
  sort: { colId: string; direction: 'asc' | 'desc' } | null;
}

/**
 * Feeds an AG Grid infinite row model from a server query that returns a page and the
 * total. `fetchPage` must be memoized: when it changes (a new search or filter), the grid
 * starts again from the top.
 */
export function useServerRows<T>(fetchPage: (request: PageRequest) => Promise<{ rows: T[]; total: number }>) {
  const [total, setTotal] = useState<number | null>(null);
  const grid = useRef<GridApi<T> | null>(null);

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params) {
        const sort = params.sortModel[0];
        fetchPage({
          offset: params.startRow,
          limit: params.endRow - params.startRow,
          sort: sort ? { colId: sort.colId, direction: sort.sort } : null,
        }).then(
          (page) => {
            setTotal(page.total);
            params.successCallback(page.rows, page.total);
          },
          () => params.failCallback(),
        );
      },
    }),
    [fetchPage],
  );

  useEffect(() => {
    grid.current?.setGridOption('datasource', datasource);
  }, [datasource]);

  const onGridReady = useCallback(
    ({ api }: { api: GridApi<T> }) => {
      grid.current = api;
      api.setGridOption('datasource', datasource);
    },
    [datasource],
  );

  return { total, onGridReady };
}
