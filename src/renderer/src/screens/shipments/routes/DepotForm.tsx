import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../../shared/contract';
import type { Depot } from '../../../../../shared/domain/delivery-routes';
import { useApi } from '../../../api/ApiContext';
import { TextField } from '../../../components/Field';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../../../components/form-errors';
import { Notice } from '../../../components/Notice';
import { numberOrNull, shown } from './units';

/** The warehouse's latitude and longitude: where every route starts and ends. Keyed by warehouse, so another one starts afresh. */
export function DepotForm({ depot, mayEdit, onSaved }: { depot: Depot; mayEdit: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [draft, setDraft] = useState({ latitude: shown(depot.latitude), longitude: shown(depot.longitude) });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const values = {
      warehouseId: depot.id,
      latitude: numberOrNull(draft.latitude) ?? undefined,
      longitude: numberOrNull(draft.longitude) ?? undefined,
    };
    const checked = checkForm(contract.routes.setDepot.input, values, t);
    if (!checked.ok) return setErrors(checked.errors);
    try {
      await client.routes.setDepot(checked.data);
      setErrors({});
      setMessage({ kind: 'success', text: t('routes.depot.saved', { code: depot.code }) });
      onSaved();
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      setMessage({ kind: 'error', text: errorText(error, t) });
    }
  }

  const missing = depot.latitude === null || depot.longitude === null;
  return (
    <form className="inline-form routes__depot" onSubmit={save} noValidate aria-label={t('routes.depot.title')}>
      <h3>{t('routes.depot.title')}</h3>
      {missing && <Notice kind="info">{t('routes.depot.missing')}</Notice>}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <div className="inline-form--row">
        <TextField
          label={t('routes.depot.latitude')}
          value={draft.latitude}
          inputMode="decimal"
          onChange={(e) => setDraft({ ...draft, latitude: e.target.value })}
          error={errors.latitude}
          disabled={!mayEdit}
        />
        <TextField
          label={t('routes.depot.longitude')}
          value={draft.longitude}
          inputMode="decimal"
          onChange={(e) => setDraft({ ...draft, longitude: e.target.value })}
          error={errors.longitude}
          disabled={!mayEdit}
        />
        {mayEdit && (
          <button type="submit" className="button">
            {t('routes.depot.save')}
          </button>
        )}
      </div>
      <p className="field__hint">{t('routes.depot.hint')}</p>
    </form>
  );
}
