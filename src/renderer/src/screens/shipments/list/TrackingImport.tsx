import { ArrowLeft } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../../shared/contract';
import { useApi } from '../../../api/ApiContext';
import { CsvFileField } from '../../../components/CsvFileField';
import { errorText } from '../../../components/form-errors';
import { ImportIssues } from '../../../components/ImportIssues';
import { Notice } from '../../../components/Notice';
import { fileToBase64, MAX_FILE_BYTES } from '../../stock/import/files';

type Report = OutputOf<'shipments.importEvents'>;

/**
 * A carrier's status file: checked first (what it would add, every problem by line),
 * then recorded in one go. The same file read twice adds nothing the second time.
 */
export function TrackingImport() {
  const { t } = useTranslation();
  const { client } = useApi();
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [report, setReport] = useState<Report | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(commit: boolean): Promise<Report | null> {
    if (!file) return null;
    if (file.size > MAX_FILE_BYTES) {
      setNotice({ kind: 'error', text: t('imports.tooLarge') });
      return null;
    }
    setBusy(true);
    setNotice(null);
    try {
      return await client.shipments.importEvents({ fileName: file.name, base64: await fileToBase64(file), commit });
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, t) });
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function check(event: FormEvent) {
    event.preventDefault();
    setReport(await send(false));
  }

  async function commit() {
    const result = await send(true);
    if (!result) return;
    setReport(null);
    setFile(null);
    setFileKey((key) => key + 1);
    setNotice({ kind: 'success', text: t('shipments.import.committed', { toAdd: result.toAdd }) });
  }

  return (
    <div className="detail">
      <div className="detail__header">
        <a href="#/shipments" className="button button--ghost">
          <ArrowLeft size={14} aria-hidden="true" />
          {t('shipments.import.back')}
        </a>
        <h2>{t('shipments.import.title')}</h2>
      </div>
      <section className="panel" aria-label={t('shipments.import.title')}>
        <p className="muted">{t('shipments.import.intro')}</p>
        <form className="inline-form inline-form--row" onSubmit={check}>
          <CsvFileField
            label={t('shipments.import.file')}
            resetKey={fileKey}
            onFile={(chosen) => {
              setFile(chosen);
              setReport(null);
            }}
          />
          <button type="submit" className="button" disabled={!file || busy}>
            {t('shipments.import.check')}
          </button>
        </form>
        {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
        {report && (
          <>
            <p>
              {t('shipments.import.summary', {
                rows: report.rows,
                toAdd: report.toAdd,
                shipments: report.shipments,
                duplicates: report.duplicates,
              })}
            </p>
            <ImportIssues
              issues={report.issues}
              issueCount={report.issues.length}
              namespaces={['shipments', 'imports']}
            />
            <div className="form-actions">
              <button
                type="button"
                className="button button--primary"
                disabled={busy || report.errors > 0 || report.toAdd === 0}
                onClick={() => void commit()}
              >
                {t('shipments.import.commit', { count: report.toAdd })}
              </button>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
