import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { AllCommunityModule, ModuleRegistry, themeQuartz, type GridOptions } from 'ag-grid-community';
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';

ModuleRegistry.registerModules([AllCommunityModule]);

/** AG Grid tuned to the app's tokens: dense rows, the same font, border and accent colours. */
const theme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  rowHeight: 30,
  headerHeight: 32,
  spacing: 6,
  accentColor: '#1f6feb',
  borderColor: '#dee0e3',
  headerBackgroundColor: '#f7f8f9',
  headerTextColor: '#646a73',
  wrapperBorderRadius: 6,
  rowHoverColor: '#f3f6fb',
  selectedRowBackgroundColor: '#e8f0fe',
});

/** Every grid of the app: theme, and AG Grid's own texts in the UI's language. */
export function DataGrid<T>(props: AgGridReactProps<T> & GridOptions<T>) {
  const { i18n } = useTranslation();
  return (
    <AgGridReact<T> theme={theme} localeText={i18n.language === 'zh-CN' ? AG_GRID_LOCALE_CN : undefined} {...props} />
  );
}
