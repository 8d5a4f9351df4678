import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { Carrier } from '../../../../shared/contract/carriers';
import { useApi } from '../../api/ApiContext';
import { SelectField, TextField } from '../../components/Field';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../../components/form-errors';
import { Notice } from '../../components/Notice';

/** A new service of a carrier: a code and a name; its terms and rate rules are set once it exists. */
export function NewServiceForm({
  carriers,
  onCreated,
  onCancel,
}: {
  carriers: Carrier[];
  onCreated(serviceId: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [draft, setDraft] = useState({ carrierId: carriers[0]?.id ?? '', code: '', name: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    const checked = checkForm(contract.carriers.createService.input, draft, t);
    if (!checked.ok) return setErrors(checked.errors);
    try {
      onCreated((await client.carriers.createService(checked.data)).id);
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      setFailure(errorText(error, t));
    }
  }

  return (
    <form className="inline-form" onSubmit={create} noValidate aria-label={t('rates.settings.newService')}>
      {failure && <Notice kind="error">{failure}</Notice>}
      <div className="form-grid">
        <SelectField
          label={t('rates.settings.carrierOfService')}
          value={draft.carrierId}
          onChange={(e) => setDraft({ ...draft, carrierId: e.target.value })}
          options={carriers.map((c) => ({ value: c.id, label: c.name }))}
        />
        <TextField
          label={t('rates.settings.serviceName')}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          error={errors.name}
          autoFocus
        />
        <TextField
          label={t('rates.settings.serviceCode')}
          hint={t('rates.settings.serviceCodeHint')}
          value={draft.code}
          onChange={(e) => setDraft({ ...draft, code: e.target.value })}
          error={errors.code}
        />
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
