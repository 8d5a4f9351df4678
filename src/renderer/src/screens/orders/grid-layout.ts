import type { GridState } from 'ag-grid-community';

const LAYOUT_KEY = 'oms.orders.gridLayout';

/** The parts of the grid's state a person arranges: column order, widths, hidden columns, sort. */
export const LAYOUT_PARTS: ReadonlyArray<keyof GridState> = ['columnOrder', 'columnSizing', 'columnVisibility', 'sort'];
export type GridLayout = Pick<GridState, 'columnOrder' | 'columnSizing' | 'columnVisibility' | 'sort'>;

/** The layout saved on this machine, kept across reloads and sign-ins. */
export function savedLayout(): GridLayout | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(LAYOUT_KEY) ?? 'null') as GridLayout | null;
    return saved ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveLayout(state: GridState): void {
  const { columnOrder, columnSizing, columnVisibility, sort } = state;
  localStorage.setItem(LAYOUT_KEY, JSON.stringify({ columnOrder, columnSizing, columnVisibility, sort }));
}

export function forgetLayout(): void {
  localStorage.removeItem(LAYOUT_KEY);
}
