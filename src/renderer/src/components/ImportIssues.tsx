import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../shared/contract/imports';

const BADGE_ERROR = { background: 'var(--danger-soft)', color: 'var(--danger)', border: '1px solid #f3c3bd' };

/**
 * The problems of an import's dry run, by line, in the UI's language: each code's
 * sentence is looked up under the given namespaces in turn (`orderImports.issue.<code>`,
 * then `imports.issue.<code>`), else the server's English.
 */
export function ImportIssues({
  issues,
  issueCount,
  namespaces,
}: {
  issues: ImportIssue[];
  issueCount: number;
  namespaces: string[];
}) {
  const { t } = useTranslation();
  if (issues.length === 0) return <p>{t('imports.clean')}</p>;
  return (
    <>
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
            {issues.map((issue, index) => (
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
                  {t(
                    namespaces.map((namespace) => `${namespace}.issue.${issue.code}`),
                    { ...issue.params, column: issue.column ?? '', defaultValue: issue.message },
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {issueCount > issues.length && (
        <p className="muted">{t('imports.more', { shown: issues.length, count: issueCount })}</p>
      )}
    </>
  );
}
