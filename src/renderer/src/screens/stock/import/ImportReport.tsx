import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../../shared/contract';

export type Report = OutputOf<'imports.report'>;

const BADGE_ERROR = { background: 'var(--danger-soft)', color: 'var(--danger)', border: '1px solid #f3c3bd' };
const ENCODINGS: Record<string, string> = {
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
      {report.issues.length === 0 ? (
        <p>{t('imports.clean')}</p>
      ) : (
        <div style={{ maxHeight: 360, overflow: 'auto', border: '1px solid var(--border)', borderRadius: 4 }}>
          <table className="table table--compact" aria-label={t('imports.problem')}>
            <thead style={{ position: 'sticky', top: 0 }}>
              <tr>
                <th scope="col" className="num">
                  {t('imports.line')}
                </th>
                <th scope="col">{t('imports.sku')}</th>
                <th scope="col">{t('imports.column')}</th>
                <th scope="col">{t('imports.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {report.issues.map((issue, index) => (
                <tr key={index}>
                  <td className="num">{issue.line ?? t('imports.wholeFile')}</td>
                  <td className="mono">{issue.sku}</td>
                  <td>{issue.column}</td>
                  <td style={{ whiteSpace: 'normal', height: 'auto', padding: '4px 8px' }}>
                    <span
                      className={issue.severity === 'warning' ? 'badge badge--warn' : 'badge'}
                      style={issue.severity === 'error' ? BADGE_ERROR : undefined}
                    >
                      {t(`imports.${issue.severity}`)}
                    </span>{' '}
                    {t(`imports.issue.${issue.code}`, {
                      ...issue.params,
                      column: issue.column ?? '',
                      defaultValue: issue.message,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.issueCount > report.issues.length && (
        <p className="muted">{t('imports.more', { shown: report.issues.length, count: report.issueCount })}</p>
      )}
    </section>
  );
}
