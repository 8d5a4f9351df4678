import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { Carrier } from '../../../../shared/contract/carriers';
import { useApi } from '../../api/ApiContext';
import { TextField } from '../../components/Field';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../../components/form-errors';
import { Notice } from '../../components/Notice';

/** A carrier's name, tracking page and whether it is offered. */
export function CarrierForm({ carrier, onSaved, onCancel }: { carrier: Carrier; onSaved(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [draft, setDraft] = useState({
    name: carrier.name,
    trackingUrl: carrier.trackingUrl ?? '',
    active: carrier.active,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const checked = checkForm(
      contract.carriers.update.input,
      { id: carrier.id, ...draft, trackingUrl: draft.trackingUrl.trim() === '' ? null : draft.trackingUrl },
      t,
    );
    if (!checked.ok) return setErrors(checked.errors);
    try {
      await client.carriers.update(checked.data);
      onSaved();
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      setFailure(errorText(error, t));
    }
  }

  return (
    <form
      className="inline-form"
      onSubmit={save}
      noValidate
      aria-label={`${t('rates.settings.edit')}: ${carrier.name}`}
    >
      {failure && <Notice kind="error">{failure}</Notice>}
      <div className="form-grid">
        <TextField
          label={t('rates.settings.name')}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          error={errors.name}
          autoFocus
        />
        <TextField
          label={t('rates.settings.trackingUrl')}
          value={draft.trackingUrl}
          onChange={(e) => setDraft({ ...draft, trackingUrl: e.target.value })}
          error={errors.trackingUrl}
          hint={t('rates.settings.trackingUrlHint')}
          wide
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.active}
            onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
          />
          {t('rates.settings.active')}
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {t('rates.settings.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('rates.settings.cancel')}
        </button>
      </div>
    </form>
  );
}
