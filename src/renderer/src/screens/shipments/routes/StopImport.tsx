import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../../../../shared/errors';
import { useApi } from '../../../api/ApiContext';
import { CsvFileField } from '../../../components/CsvFileField';
import { errorText } from '../../../components/form-errors';
import { Notice } from '../../../components/Notice';

/** Adds a day's stops from a CSV file: every row, or none with the bad rows listed. */
export function StopImport({
  day,
  onDone,
}: {
  day: { warehouseId: string; date: string };
  onDone: (changed: boolean, message?: string) => void;
}) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [file, setFile] = useState<File | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const [failure, setFailure] = useState<{ text: string; issues: Array<{ path: string; message: string }> } | null>(
    null,
  );

  async function run() {
    if (!file) return;
    try {
      const { added } = await client.routes.importStops({ ...day, csv: await file.text() });
      setResetKey(resetKey + 1);
      onDone(true, t('routes.stops.imported', { count: added.length }));
    } catch (error) {
      const issues = fieldIssues(error);
      setFailure({ text: issues.length ? t('routes.stops.importFailed') : errorText(error, t), issues });
    }
  }

  return (
    <div className="inline-form" role="group" aria-label={t('routes.stops.import')}>
      <h3>{t('routes.stops.import')}</h3>
      {failure && (
        <Notice kind="error">
          {failure.text}
          {failure.issues.length > 0 && (
            <ul>
              {failure.issues.slice(0, 20).map((issue) => (
                <li key={`${issue.path}-${issue.message}`}>
                  {issue.path}: {issue.message}
                </li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      <div className="inline-form--row">
        <CsvFileField label={t('routes.stops.csvFile')} resetKey={resetKey} onFile={setFile} />
        <button type="button" className="button button--primary" disabled={!file} onClick={() => void run()}>
          {t('routes.stops.importNow')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('routes.stops.cancel')}
        </button>
      </div>
      <p className="field__hint">{t('routes.stops.csvHint')}</p>
    </div>
  );
}
