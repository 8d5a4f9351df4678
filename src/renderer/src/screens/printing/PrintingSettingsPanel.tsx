import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_KINDS,
  KIND_PAPERS,
  LOGO_MAX_CHARS,
  logoSchema,
  setupFor,
  type DocumentSetups,
  type Paper,
  type PrinterInfo,
} from '../../../../shared/domain/documents';
import type { Settings } from '../../../../shared/domain/settings';
import { useApi } from '../../api/ApiContext';
import { listPrinters, printsOnDesktop } from '../../api/printing';
import { SelectField } from '../../components/Field';
import { errorText, serverFieldErrors, type FieldErrors } from '../../components/form-errors';
import { Notice } from '../../components/Notice';
import './printing.css';

type PrintingSettings = Pick<
  Settings,
  'logo' | 'returnInstructions' | 'packingSlipPrices' | 'documentSetups' | 'silentCounterPrinting'
>;

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** Settings → Printing: the logo and texts on documents, and each kind's paper and printer. */
export function PrintingSettingsPanel() {
  const { t } = useTranslation();
  const { client, user } = useApi();
  const [values, setValues] = useState<PrintingSettings | null>(null);
  const [printers, setPrinters] = useState<PrinterInfo[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const desktop = printsOnDesktop();
  const mayEdit = user?.role === 'owner' || user?.role === 'manager';

  useEffect(() => {
    client.settings.get({}).then(
      (settings) =>
        setValues({
          logo: settings.logo,
          returnInstructions: settings.returnInstructions,
          packingSlipPrices: settings.packingSlipPrices,
          documentSetups: settings.documentSetups,
          silentCounterPrinting: settings.silentCounterPrinting,
        }),
      (error: unknown) => setNotice({ kind: 'error', text: errorText(error, t) }),
    );
    listPrinters().then(setPrinters, (error: unknown) => setNotice({ kind: 'error', text: errorText(error, t) }));
  }, [client, t]);

  if (!values)
    return notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : <p className="muted">{t('common.loading')}</p>;

  const setSetup = (kind: (typeof DOCUMENT_KINDS)[number], change: { paper?: Paper; printer?: string }) => {
    const setups: DocumentSetups = {
      ...values.documentSetups,
      [kind]: { ...setupFor(values.documentSetups, kind), ...change },
    };
    setValues({ ...values, documentSetups: setups });
  };

  async function chooseLogo(file: File | undefined) {
    if (!file || !values) return;
    const url = await readDataUrl(file);
    const checked = logoSchema.safeParse(url);
    if (!checked.success) {
      setErrors({
        logo: t(url.length > LOGO_MAX_CHARS ? 'printing.settings.logoTooLarge' : 'printing.settings.logoNotImage'),
      });
      return;
    }
    setErrors({});
    setValues({ ...values, logo: checked.data });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!values) return;
    setBusy(true);
    try {
      await client.settings.update(values);
      setErrors({});
      setNotice({ kind: 'success', text: t('printing.settings.saved') });
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      setNotice({ kind: 'error', text: errorText(error, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel printing-settings" onSubmit={save} noValidate aria-label={t('printing.settings.tab')}>
      {!mayEdit && <Notice kind="info">{t('settings.readOnly')}</Notice>}
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <fieldset disabled={!mayEdit || busy}>
        <legend>{t('printing.settings.branding')}</legend>
        <p className="muted">{t('printing.settings.brandingHint')}</p>
        <div className="form-grid">
          <div className="field field--wide">
            <label htmlFor="printing-logo">{t('printing.settings.logo')}</label>
            <div className="printing-settings__logo">
              {values.logo ? (
                <img src={values.logo} alt={t('printing.settings.logo')} />
              ) : (
                <span className="muted">{t('printing.settings.noLogo')}</span>
              )}
              <input
                id="printing-logo"
                type="file"
                accept="image/png,image/jpeg,image/gif,image/webp"
                aria-describedby="printing-logo-message"
                onChange={(e) => void chooseLogo(e.target.files?.[0])}
              />
              {values.logo && (
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => setValues({ ...values, logo: '' })}
                >
                  {t('printing.settings.logoRemove')}
                </button>
              )}
            </div>
            <span
              id="printing-logo-message"
              className={errors.logo ? 'field__error' : 'field__hint'}
              role={errors.logo ? 'alert' : undefined}
            >
              {errors.logo ?? t('printing.settings.logoHint')}
            </span>
          </div>
          <div className="field field--wide">
            <label htmlFor="printing-returns">{t('printing.settings.returnInstructions')}</label>
            <textarea
              id="printing-returns"
              rows={3}
              maxLength={1000}
              value={values.returnInstructions}
              aria-invalid={errors.returnInstructions ? true : undefined}
              onChange={(e) => setValues({ ...values, returnInstructions: e.target.value })}
            />
            {errors.returnInstructions && (
              <span className="field__error" role="alert">
                {errors.returnInstructions}
              </span>
            )}
          </div>
          <label className="checkbox field--wide">
            <input
              type="checkbox"
              checked={values.packingSlipPrices}
              onChange={(e) => setValues({ ...values, packingSlipPrices: e.target.checked })}
            />
            {t('printing.settings.packingSlipPrices')}
          </label>
        </div>
      </fieldset>
      <fieldset disabled={!mayEdit || busy}>
        <legend>{t('printing.settings.perKind')}</legend>
        {!desktop && <p className="muted">{t('printing.settings.printersDesktopOnly')}</p>}
        <div className="form-grid form-grid--3">
          {DOCUMENT_KINDS.map((kind) => {
            const setup = setupFor(values.documentSetups, kind);
            return (
              <div key={kind} className="printing-settings__kind" role="group" aria-label={t(`printing.kinds.${kind}`)}>
                <h3>{t(`printing.kinds.${kind}`)}</h3>
                <SelectField
                  label={`${t('printing.preview.paper')} · ${t(`printing.kinds.${kind}`)}`}
                  value={setup.paper}
                  onChange={(e) => setSetup(kind, { paper: e.target.value as Paper })}
                  options={KIND_PAPERS[kind].map((paper) => ({ value: paper, label: t(`printing.papers.${paper}`) }))}
                  error={errors[`documentSetups.${kind}.paper`]}
                />
                <SelectField
                  label={`${t('printing.preview.printer')} · ${t(`printing.kinds.${kind}`)}`}
                  value={setup.printer}
                  disabled={!desktop}
                  onChange={(e) => setSetup(kind, { printer: e.target.value })}
                  options={[
                    { value: '', label: t('printing.preview.systemDefault') },
                    // A printer saved on another machine stays chosen even where it is not installed.
                    ...(setup.printer && !printers.some((p) => p.name === setup.printer)
                      ? [{ value: setup.printer, label: setup.printer }]
                      : []),
                    ...printers.map((p) => ({ value: p.name, label: p.displayName })),
                  ]}
                />
              </div>
            );
          })}
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.silentCounterPrinting}
            onChange={(e) => setValues({ ...values, silentCounterPrinting: e.target.checked })}
          />
          {t('printing.settings.silentCounter')}
        </label>
      </fieldset>
      {mayEdit && (
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('printing.settings.save')}
          </button>
        </div>
      )}
    </form>
  );
}
