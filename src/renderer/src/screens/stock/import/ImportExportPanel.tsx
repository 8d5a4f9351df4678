import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FORMATS, type ImportFormat } from '../../../../../shared/contract/imports';
import type { Warehouse } from '../../../../../shared/domain/inventory';
import { useApi } from '../../../api/ApiContext';
import { CsvFileField } from '../../../components/CsvFileField';
import { errorText } from '../../../components/form-errors';
import { ImportProgress } from '../../../components/ImportProgress';
import { useImportProgress } from '../../../components/useImportProgress';
import { Notice } from '../../../components/Notice';
import { downloadText, fileToBase64, MAX_FILE_BYTES } from './files';
import { ImportReport, type Report } from './ImportReport';
import { warehouseLabel } from '../../../components/formatting';

const REPORT_ROWS = 1000;

/** Stock → Import / export: a dry run of a CSV, then the import in one go; and the catalogue as CSV. */
export function ImportExportPanel() {
  const { t } = useTranslation();
  const { client, user } = useApi();
  const mayUse = user?.role === 'owner' || user?.role === 'manager';
  const [warehouses, setWarehouses] = useState<Warehouse[]>([]);
  const [format, setFormat] = useState<ImportFormat>('oms');
  const [warehouseId, setWarehouseId] = useState('');
  const [existing, setExisting] = useState<'skip' | 'update'>('skip');
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file input after an import.
  const [fileKey, setFileKey] = useState(0);
  const { progress, setProgress, follow, stop: stopPolling } = useImportProgress();
  const [report, setReport] = useState<Report | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [exportWarehouse, setExportWarehouse] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [exporting, setExporting] = useState<ImportFormat | null>(null);
  const [exportNotice, setExportNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  useEffect(() => {
    if (!mayUse) return;
    client.warehouses.list({}).then(
      (list) => {
        setWarehouses(list.filter((w) => w.active));
        setWarehouseId((current) => current || (list.find((w) => w.active)?.id ?? ''));
      },
      () => setWarehouses([]),
    );
  }, [client, mayUse]);

  async function check(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setNotice(null);
    setReport(null);
    if (file.size > MAX_FILE_BYTES) return setNotice({ kind: 'error', text: t('imports.tooLarge') });
    setProgress({ state: 'reading', processed: 0, total: 0 });
    try {
      const { reportId } = await client.imports.analyze({
        format,
        fileName: file.name,
        base64: await fileToBase64(file),
        warehouseId: warehouseId || null,
        existing,
      });
      follow(() => client.imports.progress({ reportId }));
      const result = await client.imports.report({ reportId, limit: REPORT_ROWS });
      setReport(result);
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
    setProgress({ state: 'committing', processed: 0, total: report.summary.toCreate + report.summary.toUpdate });
    try {
      const result = await client.imports.commit({ reportId: report.reportId });
      setReport(null);
      setFile(null);
      setFileKey((key) => key + 1);
      setNotice({
        kind: 'success',
        text: t('imports.committed', {
          created: result.created,
          updated: result.updated,
          skipped: result.skipped,
          families: result.familiesCreated,
          suppliers: result.suppliersCreated,
          units: result.stockUnits,
        }),
      });
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, t) });
    } finally {
      setProgress(null);
    }
  }

  async function download(which: ImportFormat) {
    setExporting(which);
    setExportNotice(null);
    try {
      const result = await client.imports.export({
        format: which,
        warehouseId: exportWarehouse || null,
        includeArchived,
      });
      downloadText(result.fileName, result.text);
      setExportNotice({ kind: 'success', text: t('imports.downloaded', { rows: result.rows, file: result.fileName }) });
    } catch (error) {
      setExportNotice({ kind: 'error', text: errorText(error, t) });
    } finally {
      setExporting(null);
    }
  }

  if (!mayUse) return <p className="muted">{t('imports.readOnly')}</p>;
  const busy = progress !== null;
  const toWrite = report ? report.summary.toCreate + report.summary.toUpdate : 0;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, overflow: 'auto' }}>
      <section className="panel" aria-label={t('imports.importTitle')}>
        <h2>{t('imports.importTitle')}</h2>
        <p className="muted" style={{ marginTop: 0 }}>
          {t('imports.importIntro')}
        </p>
        <form onSubmit={check} noValidate aria-label={t('imports.importTitle')}>
          <fieldset disabled={busy} style={{ border: 0, padding: 0, margin: 0 }}>
            <div className="form-grid form-grid--4">
              <div className="field">
                <label htmlFor="import-format">{t('imports.format')}</label>
                <select id="import-format" value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)}>
                  {IMPORT_FORMATS.map((name) => (
                    <option key={name} value={name}>
                      {t(`imports.formats.${name}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="import-warehouse">{t('imports.warehouse')}</label>
                <select id="import-warehouse" value={warehouseId} onChange={(e) => setWarehouseId(e.target.value)}>
                  <option value="">{t('imports.noWarehouse')}</option>
                  {warehouses.map((w) => (
                    <option key={w.id} value={w.id}>
                      {warehouseLabel(w)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="import-existing">{t('imports.existing')}</label>
                <select
                  id="import-existing"
                  value={existing}
                  onChange={(e) => setExisting(e.target.value as 'skip' | 'update')}
                >
                  <option value="skip">{t('imports.existingSkip')}</option>
                  <option value="update">{t('imports.existingUpdate')}</option>
                </select>
              </div>
              <CsvFileField
                label={t('imports.file')}
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
                {busy && progress?.state !== 'committing' ? t('imports.checking') : t('imports.check')}
              </button>
              {report && (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={!report.canCommit || toWrite === 0}
                  onClick={() => void commit()}
                >
                  {t('imports.commit', { count: toWrite })}
                </button>
              )}
            </div>
          </fieldset>
        </form>
        {progress && (
          <ImportProgress
            progress={progress}
            labels={{
              reading: 'imports.progressReading',
              checking: 'imports.progressChecking',
              committing: 'imports.progressCommitting',
            }}
          />
        )}
        {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
        {report && !report.canCommit && <Notice kind="error">{t('imports.fixFirst')}</Notice>}
        {report && <ImportReport report={report} />}
      </section>

      <section className="panel" aria-label={t('imports.exportTitle')}>
        <h2>{t('imports.exportTitle')}</h2>
        <p className="muted" style={{ marginTop: 0 }}>
          {t('imports.exportIntro')}
        </p>
        <div className="toolbar">
          <label className="toolbar__field">
            <span>{t('imports.exportWarehouse')}</span>
            <select value={exportWarehouse} onChange={(e) => setExportWarehouse(e.target.value)}>
              <option value="">{t('stock.allWarehouses')}</option>
              {warehouses.map((w) => (
                <option key={w.id} value={w.id}>
                  {warehouseLabel(w)}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
            {t('imports.includeArchived')}
          </label>
          <span className="toolbar__spacer" />
          <div className="button-row">
            {IMPORT_FORMATS.map((name) => (
              <button
                key={name}
                type="button"
                className="button"
                disabled={exporting !== null}
                onClick={() => void download(name)}
              >
                {t('imports.download', { format: t(`imports.formats.${name}`) })}
              </button>
            ))}
          </div>
        </div>
        {exportNotice && <Notice kind={exportNotice.kind}>{exportNotice.text}</Notice>}
      </section>
    </div>
  );
}
