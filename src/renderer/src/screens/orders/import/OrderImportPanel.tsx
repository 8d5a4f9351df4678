import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../../shared/contract';
import { ORDER_IMPORT_FORMATS, type OrderImportFormat } from '../../../../../shared/contract/order-imports';
import { formatMoney } from '../../../../../shared/money';
import { useApi } from '../../../api/ApiContext';
import { CsvFileField } from '../../../components/CsvFileField';
import { errorText } from '../../../components/form-errors';
import { formatDateTime } from '../../../components/formatting';
import { ImportIssues } from '../../../components/ImportIssues';
import { ImportProgress } from '../../../components/ImportProgress';
import { useImportProgress } from '../../../components/useImportProgress';
import { Notice } from '../../../components/Notice';
import { fileToBase64, MAX_FILE_BYTES } from '../../stock/import/files';
import { ENCODINGS } from '../../stock/import/ImportReport';

type Report = OutputOf<'orderImports.report'>;

const REPORT_ROWS = 1000;
const PROGRESS_LABELS = {
  reading: 'orderImports.progressReading',
  checking: 'orderImports.progressChecking',
  committing: 'orderImports.progressCommitting',
};

/** Orders → Import: an order history file's dry run with its problems by line, then the import in one go. */
export function OrderImportPanel() {
  const { t } = useTranslation();
  const { client, user } = useApi();
  const mayUse = user?.role === 'owner' || user?.role === 'manager';
  const [format, setFormat] = useState<OrderImportFormat>('shopify');
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file input after an import.
  const [fileKey, setFileKey] = useState(0);
  const { progress, setProgress, follow, stop: stopPolling } = useImportProgress();
  const [report, setReport] = useState<Report | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  async function check(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setNotice(null);
    setReport(null);
    if (file.size > MAX_FILE_BYTES) return setNotice({ kind: 'error', text: t('imports.tooLarge') });
    setProgress({ state: 'reading', processed: 0, total: 0 });
    try {
      const { reportId } = await client.orderImports.analyze({
        format,
        fileName: file.name,
        base64: await fileToBase64(file),
      });
      follow(() => client.orderImports.progress({ reportId }));
      setReport(await client.orderImports.report({ reportId, limit: REPORT_ROWS }));
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, t) });
    } finally {
      stopPolling();
      setProgress(null);
    }
  }

  async function commit() {
    if (!report) return;
    setNotice(null);
    setProgress({ state: 'committing', processed: 0, total: report.summary.orders });
    try {
      const result = await client.orderImports.commit({ reportId: report.reportId });
      setReport(null);
      setFile(null);
      setFileKey((key) => key + 1);
      setNotice({
        kind: 'success',
        text: t('orderImports.committed', {
          orders: result.orders,
          lines: result.lines,
          payments: result.payments,
          created: result.customersCreated,
          matched: result.customersMatched,
        }),
      });
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, t) });
    } finally {
      setProgress(null);
    }
  }

  if (!mayUse) return <p className="muted">{t('orderImports.readOnly')}</p>;
  const busy = progress !== null;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, overflow: 'auto' }}>
      <section className="panel" aria-label={t('orderImports.title')}>
        <h2>{t('orderImports.title')}</h2>
        <p className="muted" style={{ marginTop: 0 }}>
          {t('orderImports.intro')}
        </p>
        <form onSubmit={check} noValidate aria-label={t('orderImports.title')}>
          <fieldset disabled={busy} style={{ border: 0, padding: 0, margin: 0 }}>
            <div className="form-grid form-grid--4">
              <div className="field">
                <label htmlFor="order-import-format">{t('orderImports.format')}</label>
                <select
                  id="order-import-format"
                  value={format}
                  onChange={(e) => {
                    setFormat(e.target.value as OrderImportFormat);
                    setReport(null);
                  }}
                >
                  {ORDER_IMPORT_FORMATS.map((name) => (
                    <option key={name} value={name}>
                      {t(`orderImports.formats.${name}`)}
                    </option>
                  ))}
                </select>
              </div>
              <CsvFileField
                label={t('orderImports.file')}
                resetKey={fileKey}
                onFile={(picked) => {
                  setFile(picked);
                  setReport(null);
                  setNotice(null);
                }}
              />
            </div>
            <div className="form-actions">
              <button type="submit" className="button" disabled={!file}>
                {busy && progress?.state !== 'committing' ? t('orderImports.checking') : t('orderImports.check')}
              </button>
              {report && (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={!report.canCommit}
                  onClick={() => void commit()}
                >
                  {t('orderImports.commit', { count: report.summary.orders })}
                </button>
              )}
            </div>
          </fieldset>
        </form>
        {progress && <ImportProgress progress={progress} labels={PROGRESS_LABELS} />}
        {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
        {report && !report.canCommit && <Notice kind="error">{t('imports.fixFirst')}</Notice>}
        {report && <OrderImportReport report={report} />}
      </section>
    </div>
  );
}

/** What the dry run found: the orders, customers, dates and money it would import, and every problem by line. */
function OrderImportReport({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const { summary } = report;
  const money = (minor: number) => formatMoney(minor, report.currency, i18n.language);
  const delimiter = report.delimiter === '\t' ? 'Tab' : report.delimiter;
  const title = t('orderImports.summaryTitle', { file: report.fileName });
  return (
    <section aria-label={title}>
      <h3 style={{ fontSize: 14, margin: '14px 0 6px' }}>{title}</h3>
      <p style={{ margin: '2px 0' }}>
        {t('orderImports.summary', {
          rows: summary.rows,
          orders: summary.orders,
          lines: summary.lines,
          textOnly: summary.textOnlyLines,
        })}{' '}
        {t('orderImports.summaryCustomers', { create: summary.customersToCreate, matched: summary.customersMatched })}
      </p>
      {summary.firstPlacedAt && summary.lastPlacedAt && (
        <p style={{ margin: '2px 0' }}>
          {t('orderImports.summaryDates', {
            first: formatDateTime(summary.firstPlacedAt),
            last: formatDateTime(summary.lastPlacedAt),
          })}{' '}
          {t('orderImports.summaryMoney', {
            total: money(summary.grandTotal),
            paid: money(summary.paidTotal),
            refunded: money(summary.refundedTotal),
          })}
        </p>
      )}
      <p style={{ margin: '2px 0' }}>{t('orderImports.noStock')}</p>
      <p className="muted" style={{ margin: '2px 0 8px' }}>
        {t('imports.readAs', { encoding: ENCODINGS[report.encoding] ?? report.encoding, delimiter })}{' '}
        <strong style={{ color: summary.errors ? 'var(--danger)' : 'inherit' }}>
          {t('imports.counts', { errors: summary.errors, warnings: summary.warnings })}
        </strong>
      </p>
      <ImportIssues issues={report.issues} issueCount={report.issueCount} namespaces={['orderImports', 'imports']} />
    </section>
  );
}
