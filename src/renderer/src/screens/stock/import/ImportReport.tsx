import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../../shared/contract';
import { ImportIssues } from '../../../components/ImportIssues';

export type Report = OutputOf<'imports.report'>;

/** How each encoding the server detects is named to a person. */
export const ENCODINGS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  gb18030: 'GB18030 / GBK',
  text: 'UTF-8',
};

/** The dry run's result: what would be written, and every problem by line in the UI's language. */
export function ImportReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const { summary } = report;
  const delimiter = report.delimiter === '\t' ? 'Tab' : report.delimiter;
  return (
    <section aria-label={t('imports.summaryTitle', { file: report.fileName })} className="import-report">
      <h3 style={{ fontSize: 14, margin: '14px 0 6px' }}>{t('imports.summaryTitle', { file: report.fileName })}</h3>
      <p style={{ margin: '2px 0' }}>
        {t('imports.summary', {
          rows: summary.rows,
          toCreate: summary.toCreate,
          toUpdate: summary.toUpdate,
          skipped: summary.skipped,
          families: summary.familiesToCreate,
        })}{' '}
        {t('imports.summaryStock', { units: summary.stockUnits, movements: summary.stockMovements })}
      </p>
      {summary.suppliersToCreate.length > 0 && (
        <p style={{ margin: '2px 0' }}>
          {t('imports.summarySuppliers', { names: summary.suppliersToCreate.join(', ') })}
        </p>
      )}
      <p className="muted" style={{ margin: '2px 0 8px' }}>
        {t('imports.readAs', { encoding: ENCODINGS[report.encoding] ?? report.encoding, delimiter })}{' '}
        <strong style={{ color: summary.errors ? 'var(--danger)' : 'inherit' }}>
          {t('imports.counts', { errors: summary.errors, warnings: summary.warnings })}
        </strong>
      </p>
      <ImportIssues issues={report.issues} issueCount={report.issueCount} namespaces={['imports']} />
    </section>
  );
}
